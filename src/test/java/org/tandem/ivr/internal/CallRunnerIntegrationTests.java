package org.tandem.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.tandem.core.Channel;
import org.tandem.core.Conflict;
import org.tandem.core.UsState;
import org.tandem.directory.StaffFixtures;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRegistration;
import org.tandem.ivr.internal.CallRecord.Outcome;
import org.tandem.ivr.internal.ScriptedCalls.Request;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.ContactView;
import org.tandem.routing.HardFilter;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.Routing;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;
import org.tandem.routing.Strategy;
import org.tandem.routing.Weights;
import org.tandem.voice.CallArrived;
import org.tandem.voice.CallEnded;
import org.tandem.voice.Calls;
import org.tandem.voice.Destination;
import org.tandem.voice.DigitsReceived;
import org.tandem.voice.PlaybackFinished;
import org.tandem.voice.RecordingFinished;
import org.tandem.voice.RingAnswered;
import org.tandem.voice.RingFailed;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls through a practice's flow with the real interpreter, routing and database; the test plays the
 * phone line (prompts finish, keys are pressed, the agent's phone answers) through the voice module's events.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CallRunnerIntegrationTests {

	static final String NUMBER = "+15035550100";

	static final String CALLER = "+13125550142";

	/** Tuesday noon in Chicago: the practice is open. */
	static final Instant OPEN = Instant.parse("2026-12-01T18:00:00Z");

	/** Sunday noon in Chicago: closed. */
	static final Instant CLOSED = Instant.parse("2026-11-29T18:00:00Z");

	static final String FLOW = """
			start: emergency
			nodes:
			  emergency: { type: emergency, next: language }
			  language: { type: language, prompt: language, options: { "1": en, "2": es }, timeoutSeconds: 1, next: hours }
			  hours:
			    type: hours
			    timeZone: America/Chicago
			    weekly: { monday: ["09:00-19:00"], tuesday: ["09:00-19:00"], wednesday: ["09:00-19:00"] }
			    open: main-menu
			    closed: closed
			  main-menu:
			    type: menu
			    prompt: main-menu
			    options: { "1": where-are-you, "2": front-desk }
			    timeoutSeconds: 1
			    retries: 1
			    invalidPrompt: invalid
			    default: front-desk
			  where-are-you: { type: location, prompt: zip, invalidPrompt: zip-invalid, retries: 1, timeoutSeconds: 1, ok: intake, failed: front-desk }
			  intake:
			    type: enqueue
			    queue: runner-intake
			    hold: { music: default, announceEverySeconds: 60, callback: true, voicemail: voicemail }
			  front-desk:
			    type: enqueue
			    queue: runner-front-desk
			    hold: { music: default, announceEverySeconds: 60, callback: true, voicemail: voicemail }
			  closed: { type: play, prompt: closed, next: voicemail }
			  voicemail: { type: voicemail, prompt: voicemail, maxSeconds: 60, queue: runner-front-desk, next: goodbye }
			  goodbye: { type: hangup, prompt: goodbye }
			""";

	@TestConfiguration
	static class Line {

		@Bean
		@Primary
		ScriptedCalls scriptedCalls() {
			return new ScriptedCalls();
		}
	}

	@Autowired
	ScriptedCalls line;

	@Autowired
	MockMvc mvc;

	@Autowired
	Calls calls;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	FlowManagement flows;

	@Autowired
	JsonMapper json;

	@Autowired
	Routing routing;

	@Autowired
	StaffRegistration staff;

	@Autowired
	CallRecords records;

	@Autowired
	CallRunner runner;

	@Autowired
	IvrProperties properties;

	final List<StaffMember> added = new ArrayList<>();

	StaffMember rosa;

	StaffMember sam;

	@BeforeEach
	void setUp() {
		var version = flows.save("runner-test", new FlowDocuments(json).read(FLOW, true));
		flows.activate(version.name(), version.version(), NUMBER);
		rosa = therapist("Rosa");
		sam = therapist("Sam");
		routing.defineQueue(new QueueDefinition("runner-intake", List.of(new RoutingStep("Licensed", StepTarget.THERAPISTS,
				EnumSet.of(HardFilter.LICENSED), Weights.DEFAULT, Strategy.LONGEST_IDLE, null)), Duration.ofSeconds(20)));
		routing.defineQueue(new QueueDefinition("runner-front-desk", List.of(new RoutingStep("Anyone", StepTarget.THERAPISTS,
				Set.of(), Weights.DEFAULT, Strategy.LONGEST_IDLE, null)), Duration.ofSeconds(20)));
	}

	@AfterEach
	void tearDown() {
		for (String queue : List.of("runner-intake", "runner-front-desk")) {
			for (ContactView contact : routing.queue(queue)) {
				try {
					routing.withdraw(contact.id());
				}
				catch (Conflict endedMeanwhile) {
					// Its caller's hang-up withdrew it first.
				}
			}
		}
		added.forEach(member -> staff.deactivate(member.id()));
	}

	@Test
	void usesTheSharedLineItWasGiven() {
		assertThat(calls).isSameAs(line);
	}

	@Test
	void emergencyFirstThenMenuThenQueueThenTheChosenTherapistsPhoneRingsAndIsBridged() throws Exception {
		routing.setPresence(rosa.id(), Presence.AVAILABLE);
		String call = arrive(OPEN);

		assertThat(line.of(call).get(0).what()).isEqualTo("en/emergency");
		finish(call, "en/emergency");
		press(call, "2");
		awaitPlay(call, "es/main-menu");
		press(call, "1");
		awaitPlay(call, "es/zip");
		press(call, "60614");
		awaitPlay(call, "es/hold");
		finish(call, "es/hold");

		Request ring = await().atMost(Duration.ofSeconds(10)).until(() -> last(call, "ring"), Optional::isPresent).get();
		assertThat(ring.what()).isEqualTo(new Destination.Phone(rosa.id()).toString());
		@SuppressWarnings("unchecked")
		var context = (Map<String, String>) ring.detail();
		UUID contact = UUID.fromString(context.get("Contact"));
		assertThat(context).containsEntry("Queue", "runner-intake").containsEntry("State", "IL")
			.containsEntry("Caller", "(312) 555-0142");
		assertThat(context.get("Choices")).contains("language=es", "main-menu=1", "zip=60614");
		assertThat(line.of(call)).extracting(Request::verb).contains("loop");

		events.publishEvent(new RingAnswered(call, new Destination.Phone(rosa.id()), Instant.now()));
		await().atMost(Duration.ofSeconds(5)).until(() -> last(call, "bridge").isPresent());
		assertThat(routing.contact(contact).orElseThrow().assignedTo()).isEqualTo(rosa.id());

		events.publishEvent(new CallEnded(call, Instant.now(), CallEnded.Reason.OTHER_SIDE_HUNG_UP));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> routing.contact(contact).orElseThrow().status() == ContactStatus.COMPLETED);
		CallRecord record = awaitEnded(call);
		assertThat(record.outcome()).isEqualTo(Outcome.TALKED);
		assertThat(record.agentId()).isEqualTo(rosa.id());
		assertThat(record.rang()).isNotNull();
		assertThat(record.talked()).isNotNull();
		assertThat(record.choices()).containsEntry("zip", "60614");

		mvc.perform(get("/api/calls/{id}", call).header(HttpHeaders.AUTHORIZATION, IvrApiIntegrationTests.ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("TALKED"))
			.andExpect(jsonPath("$.contactId").value(contact.toString()))
			.andExpect(jsonPath("$.talked").exists())
			.andExpect(jsonPath("$.waited").exists());
		mvc.perform(get("/api/calls").header(HttpHeaders.AUTHORIZATION, IvrApiIntegrationTests.ADMIN).param("since", "2026-11-30T00:00:00Z"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + call + "')]").exists());
	}

	@Test
	void anInvalidKeyIsExplainedAndAskedAgainThenSilenceTakesTheDefaultBranch() {
		String call = arrive(OPEN);
		finish(call, "en/emergency");
		press(call, "1");
		awaitPlay(call, "en/main-menu");

		press(call, "7");
		awaitPlay(call, "en/invalid,en/main-menu");
		finish(call, "en/invalid,en/main-menu");
		// No key within the menu's second: retries are used up, so the default branch, the front desk.
		awaitPlay(call, "en/hold");
		ContactView waiting = routing.queue("runner-front-desk").get(0);
		assertThat(waiting.context()).containsEntry("main-menu", "none");
	}

	@Test
	void noKeyAtTheLanguageChoiceGoesOnInEnglish() {
		String call = arrive(OPEN);
		finish(call, "en/emergency");
		awaitPlay(call, "en/language");
		finish(call, "en/language");
		awaitPlay(call, "en/main-menu");
	}

	@Test
	void afterHoursTheCallerLeavesAVoicemailThatBecomesAContact() throws Exception {
		String call = arrive(CLOSED);
		finish(call, "en/emergency");
		press(call, "1");
		finish(call, awaitPlay(call, "en/closed"));
		finish(call, awaitPlay(call, "en/voicemail"));
		Request record = await().atMost(Duration.ofSeconds(5)).until(() -> last(call, "record"), Optional::isPresent).get();
		Path file = Path.of(record.what());
		assertThat(file.startsWith(properties.recordingsDir())).isTrue();
		assertThat(record.detail()).isEqualTo(Duration.ofSeconds(60));

		events.publishEvent(new RecordingFinished(call, file, Duration.ofSeconds(12)));
		awaitPlay(call, "en/goodbye");
		ContactView voicemail = await().atMost(Duration.ofSeconds(5))
			.until(() -> routing.queue("runner-front-desk").stream().filter(c -> c.channel() == Channel.VOICEMAIL).findFirst(),
					Optional::isPresent)
			.get();
		assertThat(voicemail.context()).containsEntry("recording", properties.recordingsDir().relativize(file).toString())
			.containsEntry("recordingSeconds", "12")
			.containsEntry("callerNumber", CALLER);
		finish(call, "en/goodbye");
		await().atMost(Duration.ofSeconds(5)).until(() -> last(call, "hangUp").isPresent());
		events.publishEvent(new CallEnded(call, Instant.now(), CallEnded.Reason.HUNG_UP));
		assertThat(awaitEnded(call).outcome()).isEqualTo(Outcome.VOICEMAIL);
	}

	@Test
	void aCallerWhoHangsUpWhileQueuedIsAbandonedWithTheirWait() {
		String call = arrive(OPEN);
		queueAtFrontDesk(call);
		ContactView waiting = routing.queue("runner-front-desk").get(0);

		events.publishEvent(new CallEnded(call, Instant.now(), CallEnded.Reason.CALLER_HUNG_UP));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> routing.contact(waiting.id()).orElseThrow().status() == ContactStatus.ABANDONED);
		assertThat(awaitEnded(call).outcome()).isEqualTo(Outcome.ABANDONED);
	}

	@Test
	void anAgentWhoDoesNotAnswerIsPassedOverAndTheNextAgentsPhoneRings() {
		Rung rung = ringOneOfTwo();

		events.publishEvent(new RingFailed(rung.call(), new Destination.Phone(rung.agent()), RingFailed.Reason.NO_ANSWER));

		assertThat(nextRing(rung.call(), rung.ring()).what()).isEqualTo(new Destination.Phone(rung.other()).toString());
	}

	@Test
	void aCallTakenOnScreenWhosePhoneGoesUnansweredRingsThatPhoneAgain() {
		routing.setPresence(rosa.id(), Presence.AVAILABLE);
		String call = arrive(OPEN);
		queueAtFrontDesk(call);
		Request first = await().atMost(Duration.ofSeconds(10)).until(() -> last(call, "ring"), Optional::isPresent).get();
		ContactView offered = routing.queue("runner-front-desk").get(0);

		routing.accept(offered.id(), rosa.id());
		events.publishEvent(new RingFailed(call, new Destination.Phone(rosa.id()), RingFailed.Reason.NO_ANSWER));

		Request second = nextRing(call, first);
		assertThat(second.what()).isEqualTo(new Destination.Phone(rosa.id()).toString());
		assertThat(routing.contact(offered.id()).orElseThrow().assignedTo()).isEqualTo(rosa.id());

		// Missed twice: the caller goes back in line rather than hold for a phone nobody picks up.
		events.publishEvent(new RingFailed(call, new Destination.Phone(rosa.id()), RingFailed.Reason.NO_ANSWER));

		await().atMost(Duration.ofSeconds(5))
			.until(() -> routing.contact(offered.id()).orElseThrow().status() == ContactStatus.WAITING);
		assertThat(routing.contact(offered.id()).orElseThrow().assignedTo()).isNull();
		assertThat(last(call, "ring")).containsSame(second);
	}

	@Test
	void aCallTakenOnScreenWhosePhoneIsBusyGoesBackInLineAndTheNextAgentsPhoneRings() {
		Rung rung = ringOneOfTwo();
		ContactView offered = routing.queue("runner-front-desk").get(0);

		routing.accept(offered.id(), rung.agent());
		events.publishEvent(new RingFailed(rung.call(), new Destination.Phone(rung.agent()), RingFailed.Reason.BUSY));

		assertThat(nextRing(rung.call(), rung.ring()).what()).isEqualTo(new Destination.Phone(rung.other()).toString());
		ContactView now = routing.contact(offered.id()).orElseThrow();
		assertThat(now.status()).isEqualTo(ContactStatus.OFFERED);
		assertThat(now.offeredTo()).isEqualTo(rung.other());
		assertThat(now.arrivedAt()).isEqualTo(offered.arrivedAt());
	}

	@Test
	void pressingOneOnHoldLeavesACallbackThatKeepsTheCallersPlace() {
		String call = arrive(OPEN);
		queueAtFrontDesk(call);
		ContactView waiting = routing.queue("runner-front-desk").get(0);

		press(call, "1");
		awaitPlay(call, "en/callback");
		ContactView callback = await().atMost(Duration.ofSeconds(5))
			.until(() -> routing.queue("runner-front-desk").stream().filter(c -> c.channel() == Channel.CALLBACK).findFirst(),
					Optional::isPresent)
			.get();
		assertThat(callback.arrivedAt()).isEqualTo(waiting.arrivedAt());
		assertThat(callback.context()).containsEntry("callbackNumber", CALLER);
		assertThat(routing.contact(waiting.id()).orElseThrow().status()).isEqualTo(ContactStatus.DIVERTED);
	}

	@Test
	void aCallCutOffByAStopLeavesItsQueueAtTheNextStart() {
		String call = arrive(OPEN);
		queueAtFrontDesk(call);
		ContactView waiting = routing.queue("runner-front-desk").get(0);

		runner.endInterruptedCalls();

		assertThat(routing.contact(waiting.id()).orElseThrow().status()).isEqualTo(ContactStatus.ABANDONED);
		assertThat(records.find(call).orElseThrow().outcome()).isEqualTo(Outcome.INTERRUPTED);
	}

	@Test
	void aNumberWithoutAFlowIsHungUpAndRecorded() {
		String call = UUID.randomUUID().toString();
		events.publishEvent(new CallArrived(call, CALLER, "+15035550999", OPEN));

		await().atMost(Duration.ofSeconds(5)).until(() -> last(call, "hangUp").isPresent());
		events.publishEvent(new CallEnded(call, Instant.now(), CallEnded.Reason.HUNG_UP));
		assertThat(awaitEnded(call).outcome()).isEqualTo(Outcome.NO_FLOW);
	}

	// The phone line

	String arrive(Instant at) {
		String call = UUID.randomUUID().toString();
		events.publishEvent(new CallArrived(call, CALLER, NUMBER, at));
		awaitPlay(call, "en/emergency");
		return call;
	}

	void queueAtFrontDesk(String call) {
		finish(call, "en/emergency");
		press(call, "1");
		awaitPlay(call, "en/main-menu");
		press(call, "2");
		finish(call, awaitPlay(call, "en/hold"));
		await().atMost(Duration.ofSeconds(5)).until(() -> last(call, "loop").isPresent());
	}

	String awaitPlay(String call, String prompts) {
		await().atMost(Duration.ofSeconds(10)).until(() -> last(call, "play").map(Request::what).orElse(""),
				prompts::equals);
		return prompts;
	}

	void finish(String call, String prompts) {
		Request play = await().atMost(Duration.ofSeconds(10))
			.until(() -> last(call, "play").filter(request -> request.what().equals(prompts)), Optional::isPresent)
			.get();
		events.publishEvent(new PlaybackFinished(call, (Long) play.detail()));
	}

	void press(String call, String keys) {
		for (char key : keys.toCharArray()) {
			events.publishEvent(new DigitsReceived(call, String.valueOf(key)));
		}
	}

	/** A call that rang one of two available therapists: which one, and the other. */
	record Rung(String call, Request ring, UUID agent, UUID other) {
	}

	Rung ringOneOfTwo() {
		routing.setPresence(rosa.id(), Presence.AVAILABLE);
		routing.setPresence(sam.id(), Presence.AVAILABLE);
		String call = arrive(OPEN);
		queueAtFrontDesk(call);
		Request ring = await().atMost(Duration.ofSeconds(10)).until(() -> last(call, "ring"), Optional::isPresent).get();
		UUID agent = ring.what().contains(rosa.id().toString()) ? rosa.id() : sam.id();
		return new Rung(call, ring, agent, agent.equals(rosa.id()) ? sam.id() : rosa.id());
	}

	/** The next ring of the call after {@code before}. */
	Request nextRing(String call, Request before) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> last(call, "ring").filter(ring -> ring != before), Optional::isPresent)
			.get();
	}

	Optional<Request> last(String call, String verb) {
		List<Request> requests = line.of(call);
		for (int i = requests.size() - 1; i >= 0; i--) {
			if (requests.get(i).verb().equals(verb)) {
				return Optional.of(requests.get(i));
			}
		}
		return Optional.empty();
	}

	CallRecord awaitEnded(String call) {
		return await().atMost(Duration.ofSeconds(5))
			.until(() -> records.find(call).filter(record -> record.endedAt() != null), Optional::isPresent)
			.get();
	}

	StaffMember therapist(String name) {
		StaffMember member = staff.add(StaffFixtures.onCallTherapist(name, UsState.IL));
		added.add(member);
		return member;
	}
}
