package org.tandem.wallboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tandem.core.Channel;
import org.tandem.directory.StaffFixtures;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffMemberBuilder;
import org.tandem.directory.StaffRegistration;
import org.tandem.routing.ContactRequest;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.ContactView;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.Routing;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;
import org.tandem.routing.Strategy;
import org.tandem.security.NewUser;
import org.tandem.security.Role;
import org.tandem.security.UserAccounts;
import org.tandem.support.MorningClock;
import org.tandem.support.MutableClock;
import org.tandem.support.PageSession;
import org.tandem.support.SignedInClient;

/** The wallboard as a practice manager sees it: today's figures per queue, who may see it, and the live stream. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tandem.security.require-admin-totp=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MorningClock.class)
class WallboardIntegrationTests {

	static final String PASSWORD = "wallboard-test-password";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Routing routing;

	@Autowired
	StaffRegistration staff;

	@Autowired
	UserAccounts users;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	final List<StaffMember> added = new ArrayList<>();
	final List<String> queues = new ArrayList<>();

	@AfterEach
	void leaveNothingForTheNextTest() {
		queues.forEach(queue -> routing.queue(queue).forEach(contact -> routing.withdraw(contact.id())));
		added.forEach(member -> staff.deactivate(member.id()));
	}

	@Test
	void showsTodaysFiguresForEachQueueAsContactsAreAnsweredAbandonedAndLeftWaiting() {
		String queue = unique("front");
		StaffMember desk = frontDesk("Alex Wallboard");
		frontDeskQueue(queue);
		routing.setPresence(desk.id(), Presence.AVAILABLE);

		ContactView answered = routing.enqueue(call(queue));
		await().until(() -> routing.contact(answered.id()).orElseThrow().status() == ContactStatus.OFFERED);
		clock.advance(Duration.ofSeconds(8));
		routing.accept(answered.id(), desk.id());
		clock.advance(Duration.ofSeconds(60));
		routing.complete(answered.id(), desk.id());
		routing.setPresence(desk.id(), Presence.AWAY);
		ContactView leftAfterForty = routing.enqueue(call(queue));
		clock.advance(Duration.ofSeconds(40));
		routing.withdraw(leftAfterForty.id());
		routing.enqueue(call(queue));
		clock.advance(Duration.ofSeconds(5));
		routing.enqueue(call(queue));
		clock.advance(Duration.ofSeconds(10));

		var supervisor = PageSession.signIn(mvc, supervisor(), PASSWORD);
		var snapshot = supervisor.get("/wallboard/snapshot");
		assertThat(snapshot).hasStatusOk();
		String json = PageSession.html(snapshot);
		String line = "$.queues[?(@.name == '" + queue + "')].";
		assertThat(JsonPath.<List<Integer>>read(json, line + "offered")).containsExactly(4);
		assertThat(JsonPath.<List<Integer>>read(json, line + "answered")).containsExactly(1);
		assertThat(JsonPath.<List<Integer>>read(json, line + "abandoned")).containsExactly(1);
		assertThat(JsonPath.<List<Integer>>read(json, line + "waitingNow")).containsExactly(2);
		assertThat(JsonPath.<List<Integer>>read(json, line + "longestWaitSeconds")).containsExactly(15);
		// One of four answered within 20 s; the caller who left after 40 s counts against it.
		assertThat(JsonPath.<List<Integer>>read(json, line + "serviceLevelPercent")).containsExactly(25);
		assertThat(JsonPath.<List<Integer>>read(json, line + "averageSpeedOfAnswerSeconds")).containsExactly(8);
		// 60 s on the call and the 30 s wrap-up.
		assertThat(JsonPath.<List<Integer>>read(json, line + "averageHandleTimeSeconds")).containsExactly(90);
		assertThat(JsonPath.<List<String>>read(json, "$.presences[?(@.presence == 'AWAY')].agents[*].name"))
			.contains("Alex Wallboard");
		assertThat(JsonPath.<String>read(json, "$.dayStart")).isEqualTo("2026-11-27T06:00:00Z");

		var page = supervisor.get("/wallboard");
		assertThat(page).hasStatusOk();
		String card = card(PageSession.html(page), queue);
		assertThat(card).contains("data-field=\"waitingNow\">2<", "data-field=\"longestWait\">0:15<",
				"data-field=\"serviceLevel\">25\u00a0%<", "data-field=\"offered\">4<", "data-field=\"answered\">1<",
				"data-field=\"abandoned\">1<", "data-field=\"averageSpeedOfAnswer\">0:08<",
				"data-field=\"averageHandleTime\">1:30<", "in 20 s");
	}

	@Test
	void aTherapistIsRefusedTheWallboardWhileSupervisorsAndAdministratorsSeeIt() {
		var therapist = PageSession.signIn(mvc, therapist(), PASSWORD);
		assertThat(therapist.get("/wallboard")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(therapist.get("/wallboard/events")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(therapist.get("/wallboard/snapshot")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(therapist.get("/wallboard/displays")).hasStatus(HttpStatus.FORBIDDEN);

		var supervisor = PageSession.signIn(mvc, supervisor(), PASSWORD);
		var page = supervisor.get("/wallboard");
		assertThat(page).hasStatusOk();
		assertThat(PageSession.html(page)).contains("<h1>Wallboard</h1>", "/wallboard/events");

		assertThat(PageSession.signIn(mvc, "admin", "test-admin-secret").get("/wallboard")).hasStatusOk();
	}

	@Test
	void theEventStreamSendsASnapshotAtOnceAndAFreshOneSoonAfterAContactIsQueued() throws Exception {
		String queue = unique("live");
		frontDeskQueue(queue);
		var client = SignedInClient.signIn(port, supervisor(), PASSWORD);

		try (var events = client.events("/wallboard/events")) {
			String first = events.next(Duration.ofSeconds(10));
			assertThat(first).as("a snapshot on connecting").isNotNull();
			assertThat(waiting(first, queue)).containsExactly(0);

			routing.enqueue(call(queue));

			// Well inside the 5 s heartbeat: the push follows the routing event.
			String next = events.next(event -> waiting(event, queue).equals(List.of(1)), Duration.ofSeconds(3));
			assertThat(next).as("a snapshot with the queued contact").isNotNull();
		}
	}

	private static List<Integer> waiting(String snapshot, String queue) {
		return JsonPath.read(snapshot, "$.queues[?(@.name == '" + queue + "')].waitingNow");
	}

	/** The queue's card on the server-rendered page, from its opening tag to its end. */
	private static String card(String html, String queue) {
		int start = html.indexOf("data-queue=\"" + queue + "\"");
		assertThat(start).as("a card for %s", queue).isNotNegative();
		return html.substring(start, html.indexOf("</article>", start));
	}

	private String supervisor() {
		String name = unique("sue");
		users.create(new NewUser(name, PASSWORD, Set.of(Role.SUPERVISOR), null));
		return name;
	}

	private String therapist() {
		StaffMember therapist = staff.add(StaffMemberBuilder.from(StaffFixtures.couplesTherapist())
			.id(UUID.randomUUID()).name("Theo Wallboard").sipUser(null).build());
		added.add(therapist);
		String name = unique("theo");
		users.create(new NewUser(name, PASSWORD, Set.of(Role.THERAPIST), therapist.id()));
		return name;
	}

	private StaffMember frontDesk(String name) {
		StaffMember desk = staff.add(StaffMemberBuilder.from(StaffFixtures.frontDesk()).id(UUID.randomUUID()).name(name)
			.sipUser(null).capacity(Map.of(Channel.VOICE, 1)).build());
		added.add(desk);
		return desk;
	}

	private void frontDeskQueue(String name) {
		queues.add(name);
		routing.defineQueue(new QueueDefinition(name, List.of(new RoutingStep("Front desk", StepTarget.FRONT_DESK,
				Set.of(), null, Strategy.LONGEST_IDLE, null)), Duration.ofSeconds(60)));
	}

	static ContactRequest call(String queue) {
		return new ContactRequest(queue, Channel.VOICE, 0, null, null, null, null, Map.of());
	}

	static String unique(String stem) {
		return stem + "-" + UUID.randomUUID().toString().substring(0, 8);
	}
}
