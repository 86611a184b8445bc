package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;
import org.tandem.core.Channel;
import org.tandem.core.PhoneNumber;
import org.tandem.core.UsState;
import org.tandem.desk.DeskBrowser;
import org.tandem.directory.StaffFixtures;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRegistration;
import org.tandem.ivr.IvrFlows;
import org.tandem.routing.ContactOffered;
import org.tandem.routing.ContactRequest;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.ContactView;
import org.tandem.routing.HardFilter;
import org.tandem.routing.Needs;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.Routing;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;
import org.tandem.routing.Strategy;
import org.tandem.routing.Weights;
import org.tandem.security.NewUser;
import org.tandem.security.Role;
import org.tandem.security.UserAccounts;
import org.tandem.support.PhoneMedia;

/**
 * A real call reaches the therapist's screen: sipp places it, the flow learns where the caller is, routing
 * offers it to the therapist, whose desktop (headless Chromium) shows the card within a second of the offer
 * while their registered desk phone rings; they pick up the phone and the call is theirs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(CallToDeskE2ETests.Offers.class)
class CallToDeskE2ETests {

	/** When each offer was published, by the wall clock the browser's page also reads. */
	@TestComponent
	static class Offers {

		final Map<UUID, Long> publishedAt = new ConcurrentHashMap<>();

		@EventListener
		void on(ContactOffered offered) {
			publishedAt.putIfAbsent(offered.contactId(), System.currentTimeMillis());
		}
	}

	@Autowired
	Offers offers;

	static final String NUMBER = "+15035550131";

	static final String PASSWORD = "call-to-desk-password";

	static final String FLOW = """
			start: emergency
			nodes:
			  emergency: { type: emergency, next: where }
			  where: { type: location, prompt: zip, invalidPrompt: zip-invalid, retries: 1, timeoutSeconds: 5, ok: queue, failed: queue }
			  queue: { type: enqueue, queue: desk-calls, hold: { music: default } }
			""";

	@LocalServerPort
	int port;

	@Autowired
	SipServer server;

	@Autowired
	StaffRegistration staff;

	@Autowired
	UserAccounts users;

	@Autowired
	Routing routing;

	@Autowired
	IvrFlows flows;

	@TempDir
	Path workDir;

	final List<AutoCloseable> closing = new ArrayList<>();

	StaffMember therapist;

	@AfterEach
	void tearDown() throws Exception {
		for (AutoCloseable closeable : closing) {
			closeable.close();
		}
		if (therapist != null) {
			await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
				.until(() -> routing.setPresence(therapist.id(), Presence.OFFLINE) != null);
			staff.deactivate(therapist.id());
		}
	}

	@Test
	void theCallersCardIsOnTheTherapistsScreenWithinASecondWhileTheirPhoneRings() throws Exception {
		RestClient api = RestClient.builder().baseUrl("http://localhost:" + port)
			.defaultHeaders(headers -> headers.setBasicAuth("admin", "test-admin-secret"))
			.build();
		for (var prompt : Map.of("emergency", 1000, "zip", 600).entrySet()) {
			api.put().uri("/api/ivr/prompts/en/{id}", prompt.getKey()).contentType(MediaType.parseMediaType("audio/wav"))
				.body(CallPathE2ETests.tone(prompt.getValue(), 500)).retrieve().toBodilessEntity();
		}
		var version = flows.save("call-to-desk", FLOW);
		flows.activate(version.name(), version.version(), new PhoneNumber(NUMBER));
		routing.defineQueue(new QueueDefinition("desk-calls", List.of(new RoutingStep("Licensed", StepTarget.THERAPISTS,
				Set.of(HardFilter.LICENSED), Weights.DEFAULT, Strategy.BEST_FIT, null)), Duration.ofSeconds(30)));

		therapist = staff.add(StaffFixtures.onCallTherapist("Noor", UsState.IL));
		users.create(new NewUser(therapist.sipUser(), PASSWORD, Set.of(Role.THERAPIST), therapist.id()));
		api.put().uri("/api/voice/phones/{id}", therapist.id()).contentType(MediaType.APPLICATION_JSON)
			.body("{\"password\": \"phone-" + therapist.id() + "\"}").retrieve().toBodilessEntity();
		int phonePort;
		try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			phonePort = probe.getLocalPort();
		}
		Sipp register = Sipp.register(workDir, server.port(), phonePort, therapist.sipUser(), "phone-" + therapist.id());
		assertThat(register.await()).as(register::report).isZero();
		PhoneMedia deskPhone = media(1500);
		Sipp phone = Sipp.answerOn(phonePort, workDir, "agent_answers_until_hung_up.xml", "-set", "rtp_port",
				String.valueOf(deskPhone.port()));

		DeskBrowser browser = new DeskBrowser(port);
		closing.add(browser);
		browser.signIn(therapist.sipUser(), PASSWORD);
		browser.goAvailable();
		// The desk has been open a while: a first offer, declined, has been through every part of the page.
		var earlier = routing.enqueue(new ContactRequest("desk-calls", Channel.CALLBACK, 0,
				new Needs(null, null, null, UsState.IL, null, null, null, null, null, null), null, null, null, Map.of()));
		browser.filledCard(earlier.id(), Duration.ofSeconds(10));
		routing.decline(earlier.id(), therapist.id());
		routing.withdraw(earlier.id());

		PhoneMedia caller = media(2000);
		Sipp call = Sipp.dial(workDir, server.port(), NUMBER, "caller_gives_up_waiting.xml", "-set", "rtp_port",
				String.valueOf(caller.port()), "-d", "8000");
		await().atMost(Duration.ofSeconds(10)).until(() -> caller.tones().contains(600));
		caller.press("60614");

		WebElement card = browser.wait(Duration.ofSeconds(10)).until(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card[data-contact][data-shown-at]")));
		ContactView contact = routing.contact(UUID.fromString(card.getAttribute("data-contact"))).orElseThrow();
		assertThat(contact.context()).containsEntry("zip", "60614");
		double shownAt = Double.parseDouble(card.getAttribute("data-shown-at"));
		assertThat(shownAt - offers.publishedAt.get(contact.id())).as("ms from the offer to the card on screen")
			.isLessThan(1000);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> routing.contact(contact.id()).orElseThrow().status() == ContactStatus.ASSIGNED);
		assertThat(routing.contact(contact.id()).orElseThrow().assignedTo()).isEqualTo(therapist.id());
		assertThat(call.await()).as(call::report).isZero();
		assertThat(phone.await()).as(phone::report).isZero();
		assertThat(caller.framesOf(1500, 0)).as("the caller heard the therapist's phone").isGreaterThan(20);
	}

	PhoneMedia media(int hertz) {
		PhoneMedia media = new PhoneMedia(hertz);
		closing.add(media);
		return media;
	}
}
