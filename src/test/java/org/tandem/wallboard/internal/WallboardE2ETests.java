package org.tandem.wallboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.Channel;
import org.tandem.core.Conflict;
import org.tandem.directory.StaffFixtures;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffMemberBuilder;
import org.tandem.directory.StaffRegistration;
import org.tandem.routing.AgentView;
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
import org.tandem.support.HeadlessChromium;
import org.tandem.support.MorningClock;
import org.tandem.support.MutableClock;

/**
 * A practice manager watches the wallboard in a real browser (Debian's Chromium) through a busy morning: the
 * page fills in from the server's events, and a call queued through routing shows as waiting without a reload.
 * The screenshot it takes is the README's picture ({@code -Dwallboard.screenshot=docs/wallboard.png}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		// A context of its own, so that the picture shows this morning's queues and nobody else's.
		properties = { "tandem.security.require-admin-totp=false", "tandem.wallboard.time-zone=America/Chicago" })
@ActiveProfiles("test")
@Import(MorningClock.class)
class WallboardE2ETests {

	static final String PASSWORD = "wallboard-e2e-password";

	@LocalServerPort
	int port;

	@Autowired
	Routing routing;

	@Autowired
	StaffRegistration staff;

	@Autowired
	UserAccounts users;

	@Autowired
	MutableClock clock;

	final Random random = new Random(20261127);
	final Map<UUID, Handling> handling = new HashMap<>();
	final List<StaffMember> team = new ArrayList<>();
	HeadlessChromium chromium;
	ChromeDriver browser;

	record Handling(UUID contact, Instant until) {
	}

	@BeforeEach
	void openTheBrowser() {
		assumeTrue(HeadlessChromium.installed(),
				"needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
		chromium = new HeadlessChromium();
		browser = chromium.driver();
		// The viewer is in the practice's own town, so the page's clock times are Chicago's.
		browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/Chicago"));
	}

	@AfterEach
	void closeTheBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void aCallQueuedThroughRoutingShowsAsWaitingWithoutAReload() throws Exception {
		aBusyMorning();
		String supervisor = "sam-" + UUID.randomUUID().toString().substring(0, 6);
		users.create(new NewUser(supervisor, PASSWORD, Set.of(Role.SUPERVISOR), null));
		var wait = new WebDriverWait(browser, Duration.ofSeconds(15));

		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(supervisor);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));
		browser.get("http://localhost:" + port + "/wallboard");
		wait.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));
		// Chromium writes a narrow no-break space before AM, as CLDR now does.
		assertThat(browser.findElement(By.id("day-start")).getText().replace('\u202f', ' ')).isEqualTo("12:00 AM");
		assertThat(browser.findElements(By.cssSelector("#chart polyline"))).isNotEmpty();
		((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

		By intakeWaiting = By.cssSelector("[data-queue=intake] [data-field=waitingNow]");
		int before = Integer.parseInt(browser.findElement(intakeWaiting).getText());
		routing.enqueue(call("intake"));

		wait.until(ExpectedConditions.textToBe(intakeWaiting, String.valueOf(before + 1)));
		assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);

		Path picture = Path.of(System.getProperty("wallboard.screenshot", "target/wallboard.png"));
		Files.createDirectories(picture.toAbsolutePath().getParent());
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), picture, StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * 8 to 11 am at a small practice: calls come in faster around half past nine than three therapists and the
	 * front desk can take them, and some callers give up. The wallboard draws its curve from the stored contacts.
	 */
	private void aBusyMorning() {
		for (String name : List.of("Dana Whitfield", "Marcus Chen", "Priya Raman")) {
			team.add(staff.add(StaffMemberBuilder.from(StaffFixtures.couplesTherapist()).id(UUID.randomUUID()).name(name)
				.sipUser(null).capacity(Map.of(Channel.VOICE, 1)).build()));
		}
		team.add(staff.add(StaffMemberBuilder.from(StaffFixtures.frontDesk()).id(UUID.randomUUID()).name("Alex Kim")
			.sipUser(null).capacity(Map.of(Channel.VOICE, 1)).build()));
		// Offers last longer than the simulation's minute steps, so that none runs out between two of them.
		routing.defineQueue(new QueueDefinition("intake", List.of(new RoutingStep("Any therapist", StepTarget.THERAPISTS,
				Set.of(), null, Strategy.LONGEST_IDLE, null)), Duration.ofMinutes(10)));
		routing.defineQueue(new QueueDefinition("front-desk", List.of(new RoutingStep("Front desk",
				StepTarget.FRONT_DESK, Set.of(), null, Strategy.LONGEST_IDLE, null)), Duration.ofMinutes(10)));
		team.forEach(member -> routing.setPresence(member.id(), Presence.AVAILABLE));

		for (int minute = 0; minute < 180; minute++) {
			double peak = Math.exp(-Math.pow((minute - 90) / 35.0, 2));
			arrive("intake", 0.15 + 0.45 * peak);
			arrive("front-desk", 0.1 + 0.2 * peak);
			takeOffers();
			finishCalls();
			giveUp("intake");
			giveUp("front-desk");
			clock.advance(Duration.ofMinutes(1));
		}
		takeOffers();
		routing.setPresence(team.get(2).id(), handling.containsKey(team.get(2).id()) ? Presence.AVAILABLE : Presence.AWAY);
	}

	private void arrive(String queue, double chance) {
		if (random.nextDouble() < chance) {
			routing.enqueue(call(queue));
		}
	}

	private void takeOffers() {
		for (AgentView agent : routing.agents()) {
			if (agent.pendingOffer() != null && !handling.containsKey(agent.agentId())) {
				try {
					routing.accept(agent.pendingOffer(), agent.agentId());
					boolean desk = agent.name().equals("Alex Kim");
					int minutes = desk ? 2 + random.nextInt(5) : 6 + random.nextInt(10);
					handling.put(agent.agentId(), new Handling(agent.pendingOffer(), clock.instant().plus(Duration.ofMinutes(minutes))));
				}
				catch (Conflict gone) {
					// The caller hung up as the offer was taken.
				}
			}
		}
	}

	private void finishCalls() {
		for (var entry : List.copyOf(handling.entrySet())) {
			if (!clock.instant().isBefore(entry.getValue().until())) {
				routing.complete(entry.getValue().contact(), entry.getKey());
				handling.remove(entry.getKey());
			}
		}
	}

	/** Callers waiting longer than four to seven minutes hang up. */
	private void giveUp(String queue) {
		for (ContactView contact : routing.queue(queue)) {
			long waited = Duration.between(contact.arrivedAt(), clock.instant()).toMinutes();
			if (contact.status() == ContactStatus.WAITING && waited >= 4 + Math.floorMod(contact.id().hashCode(), 4)) {
				routing.withdraw(contact.id());
			}
		}
	}

	static ContactRequest call(String queue) {
		return new ContactRequest(queue, Channel.VOICE, 0, null, null, null, null, Map.of());
	}
}
