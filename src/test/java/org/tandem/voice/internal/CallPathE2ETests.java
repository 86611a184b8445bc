package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tandem.core.Channel;
import org.tandem.core.Conflict;
import org.tandem.core.UsState;
import org.tandem.directory.StaffFixtures;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRegistration;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.ContactView;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.Routing;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;
import org.tandem.routing.Strategy;
import org.tandem.routing.Weights;
import org.tandem.support.PhoneMedia;
import org.tandem.voice.CallArrived;
import org.tandem.voice.CallEnded;

/**
 * The whole call path on loopback with real SIP and RTP: sipp places the carrier's call and plays the
 * therapists' desk phones, test sockets are their microphones and ears. The practice's prompts are
 * replaced by short tones, one pitch each, so what a caller hears can be told apart by ear: the
 * emergency notice at 1000 Hz, the menu at 600 Hz; the caller speaks at 2000 Hz, the therapist at 1500 Hz.
 */
@SpringBootTest(properties = "tandem.voice.media-timeout=20s")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CallEventLog.class)
class CallPathE2ETests {

	static final String ADMIN = "Basic "
			+ Base64.getEncoder().encodeToString("admin:test-admin-secret".getBytes(StandardCharsets.UTF_8));

	static final String OPEN_NUMBER = "+15035550121";

	static final String CLOSED_NUMBER = "+15035550122";

	static final Map<String, Integer> PROMPT_TONES = Map.of("emergency", 1000, "main-menu", 600, "invalid", 650,
			"hold", 700, "closed", 800, "voicemail", 900, "goodbye", 1100);

	static final String FLOW = """
			start: emergency
			nodes:
			  emergency: { type: emergency, next: hours }
			  hours: { type: hours, timeZone: America/Chicago, weekly: %s, open: main-menu, closed: closed }
			  main-menu:
			    type: menu
			    prompt: main-menu
			    options: { "1": intake, "2": desk }
			    timeoutSeconds: 2
			    retries: 1
			    invalidPrompt: invalid
			    default: desk
			  intake: { type: enqueue, queue: e2e-intake, hold: { music: default, callback: true, voicemail: voicemail } }
			  desk: { type: enqueue, queue: e2e-desk, hold: { music: default, callback: true, voicemail: voicemail } }
			  closed: { type: play, prompt: closed, next: voicemail }
			  voicemail: { type: voicemail, prompt: voicemail, maxSeconds: 30, queue: e2e-desk, next: goodbye }
			  goodbye: { type: hangup, prompt: goodbye }
			""";

	@Autowired
	SipServer server;

	@Autowired
	CallEventLog events;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Routing routing;

	@Autowired
	StaffRegistration staff;

	@TempDir
	Path workDir;

	final List<StaffMember> added = new ArrayList<>();

	final List<AutoCloseable> closing = new ArrayList<>();

	@BeforeEach
	void setUp() throws Exception {
		for (var prompt : PROMPT_TONES.entrySet()) {
			for (String language : List.of("en", "es")) {
				assertThat(mvc.put().uri("/api/ivr/prompts/{language}/{id}", language, prompt.getKey())
					.header(HttpHeaders.AUTHORIZATION, ADMIN)
					.contentType(MediaType.parseMediaType("audio/wav"))
					.content(tone(prompt.getValue(), 600))).hasStatus2xxSuccessful();
			}
		}
		var everyDay = "{ " + String.join(", ", Arrays.stream(DayOfWeek.values())
			.map(day -> day.name().toLowerCase() + ": [\"00:00-23:59\"]").toList()) + " }";
		activate("e2e-open", FLOW.formatted(everyDay), OPEN_NUMBER);
		activate("e2e-closed", FLOW.formatted("{}"), CLOSED_NUMBER);
		for (String queue : List.of("e2e-intake", "e2e-desk")) {
			routing.defineQueue(new QueueDefinition(queue, List.of(new RoutingStep("Anyone", StepTarget.THERAPISTS,
					Set.of(), Weights.DEFAULT, Strategy.LONGEST_IDLE, null)), Duration.ofSeconds(4)));
		}
	}

	@AfterEach
	void tearDown() throws Exception {
		for (String queue : List.of("e2e-intake", "e2e-desk")) {
			for (ContactView contact : routing.queue(queue)) {
				try {
					routing.withdraw(contact.id());
				}
				catch (Conflict endedMeanwhile) {
					// Its caller's hang-up withdrew it first.
				}
			}
		}
		for (StaffMember member : added) {
			routing.setPresence(member.id(), Presence.OFFLINE);
			staff.deactivate(member.id());
		}
		for (AutoCloseable closeable : closing) {
			closeable.close();
		}
	}

	@Test
	void theEmergencyNoticeFirstThenTheMenuChoiceRingsTheRightTherapistAndTheyHearEachOther() throws Exception {
		StaffMember rosa = therapist("Rosa");
		int rosasPhone = registeredPhone(rosa);
		PhoneMedia rosasAudio = media(1500);
		Sipp desk = Sipp.answerOn(rosasPhone, workDir, "agent_answers_the_routed_call.xml", "-set", "rtp_port",
				String.valueOf(rosasAudio.port()));
		routing.setPresence(rosa.id(), Presence.AVAILABLE);

		PhoneMedia caller = media(2000);
		int arrivedBefore = events.arrived.size();
		Sipp call = Sipp.dial(workDir, server.port(), OPEN_NUMBER, "caller_through_the_flow.xml", "-set", "rtp_port",
				String.valueOf(caller.port()));
		await().atMost(Duration.ofSeconds(10)).until(() -> caller.tones().contains(600));
		caller.press('1');

		assertThat(desk.await()).as(desk::report).isZero();
		assertThat(call.await()).as(call::report).isZero();
		assertThat(caller.tones()).as("the emergency notice comes before anything else").startsWith(1000, 600);
		assertThat(caller.framesOf(1500, 0)).as("the caller heard the therapist").isGreaterThan(50);
		assertThat(rosasAudio.framesOf(2000, 0)).as("the therapist heard the caller").isGreaterThan(50);

		CallArrived arrived = events.arrived.get(arrivedBefore);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events.ended).anyMatch(ended -> ended
			.callId().equals(arrived.callId()) && ended.reason() == CallEnded.Reason.OTHER_SIDE_HUNG_UP));
		var record = await().atMost(Duration.ofSeconds(5))
			.until(() -> mvc.get().uri("/api/calls/{id}", arrived.callId()).header(HttpHeaders.AUTHORIZATION, ADMIN)
				.exchange().getResponse().getContentAsString(), body -> body.contains("\"outcome\":\"TALKED\""));
		assertThat(record).contains("\"agentId\":\"" + rosa.id() + "\"", "\"talked\"", "\"rang\"", "\"waited\"");
	}

	@Test
	void anAgentWhoLetsItRingIsPassedOverAndTheNextOnesPhoneRings() throws Exception {
		StaffMember rosa = therapist("Rosa");
		StaffMember sam = therapist("Sam");
		Sipp rosasDesk = Sipp.answerOn(registeredPhone(rosa), workDir, "agent_rings_until_cancelled.xml");
		PhoneMedia samsAudio = media(1500);
		Sipp samsDesk = Sipp.answerOn(registeredPhone(sam), workDir, "agent_answers_the_routed_call.xml", "-set",
				"rtp_port", String.valueOf(samsAudio.port()));
		routing.setPresence(rosa.id(), Presence.AVAILABLE);
		Thread.sleep(50);
		routing.setPresence(sam.id(), Presence.AVAILABLE);

		PhoneMedia caller = media(2000);
		Sipp call = Sipp.dial(workDir, server.port(), OPEN_NUMBER, "caller_through_the_flow.xml", "-set", "rtp_port",
				String.valueOf(caller.port()));
		await().atMost(Duration.ofSeconds(10)).until(() -> caller.tones().contains(600));
		caller.press('1');

		assertThat(rosasDesk.await()).as("Rosa's phone rang and was cancelled: " + rosasDesk.report()).isZero();
		assertThat(samsDesk.await()).as(samsDesk::report).isZero();
		assertThat(call.await()).as(call::report).isZero();
		assertThat(caller.framesOf(1500, 0)).as("the caller heard Sam").isGreaterThan(50);
	}

	@Test
	void aCallerWhoHangsUpWhileQueuedIsAbandonedWithTheirWait() throws Exception {
		PhoneMedia caller = media(2000);
		int arrivedBefore = events.arrived.size();
		Sipp call = Sipp.dial(workDir, server.port(), OPEN_NUMBER, "caller_gives_up_waiting.xml", "-set", "rtp_port",
				String.valueOf(caller.port()), "-d", "6000");
		await().atMost(Duration.ofSeconds(10)).until(() -> caller.tones().contains(600));
		caller.press('2');
		await().atMost(Duration.ofSeconds(10)).until(() -> routing.queue("e2e-desk").size() == 1);
		ContactView waiting = routing.queue("e2e-desk").get(0);
		assertThat(waiting.context()).containsEntry("main-menu", "2");

		assertThat(call.await()).as(call::report).isZero();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> routing.contact(waiting.id()).orElseThrow().status() == ContactStatus.ABANDONED);
		CallArrived arrived = events.arrived.get(arrivedBefore);
		await().atMost(Duration.ofSeconds(5)).until(() -> mvc.get().uri("/api/calls/{id}", arrived.callId())
			.header(HttpHeaders.AUTHORIZATION, ADMIN).exchange().getResponse().getContentAsString(),
				body -> body.contains("\"outcome\":\"ABANDONED\""));
	}

	@Test
	void aWrongKeyIsExplainedAndTheMenuRepeatedThenSilenceTakesTheDefaultBranch() throws Exception {
		PhoneMedia caller = media(2000);
		Sipp call = Sipp.dial(workDir, server.port(), OPEN_NUMBER, "caller_gives_up_waiting.xml", "-set", "rtp_port",
				String.valueOf(caller.port()), "-d", "9000");
		await().atMost(Duration.ofSeconds(10)).until(() -> caller.tones().contains(600));
		caller.press('7');

		await().atMost(Duration.ofSeconds(10)).until(() -> routing.queue("e2e-desk").size() == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> caller.tones().contains(700));
		assertThat(caller.tones()).containsSubsequence(1000, 600, 650, 600, 700);
		assertThat(routing.queue("e2e-desk").get(0).context()).containsEntry("main-menu", "none");
		assertThat(call.await()).as(call::report).isZero();
	}

	@Test
	void afterHoursTheCallerLeavesAVoicemailThatIsRecordedAndBecomesAContact() throws Exception {
		PhoneMedia caller = media(2000);
		Sipp call = Sipp.dial(workDir, server.port(), CLOSED_NUMBER, "caller_through_the_flow.xml", "-set", "rtp_port",
				String.valueOf(caller.port()));
		await().atMost(Duration.ofSeconds(10)).until(() -> caller.tones().contains(900));
		// The caller speaks (the socket's steady tone) for about three seconds after the voicemail prompt.
		Thread.sleep(3500);
		caller.press('#');

		assertThat(call.await()).as("Tandem says goodbye and hangs up: " + call.report()).isZero();
		assertThat(caller.tones()).containsSubsequence(1000, 800, 900, 1100);
		ContactView voicemail = await().atMost(Duration.ofSeconds(5))
			.until(() -> routing.queue("e2e-desk").stream().filter(c -> c.channel() == Channel.VOICEMAIL).findFirst(),
					Optional::isPresent)
			.get();
		assertThat(voicemail.context()).containsEntry("callerNumber", "+15035550100");
		int seconds = Integer.parseInt(voicemail.context().get("recordingSeconds"));
		assertThat(seconds).isBetween(2, 6);
		byte[] recording = mvc.get().uri("/api/calls/recordings/" + voicemail.context().get("recording"))
			.header(HttpHeaders.AUTHORIZATION, ADMIN).exchange().getResponse().getContentAsByteArray();
		assertThat(new String(recording, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
		short[] samples = new short[(recording.length - 44) / 2];
		ByteBuffer.wrap(recording, 44, samples.length * 2).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
		int loud = 0;
		for (int at = 0; at + 160 <= samples.length; at += 160) {
			if (Math.abs(PhoneMedia.hertz(Arrays.copyOfRange(samples, at, at + 160)) - 2000) <= 100) {
				loud++;
			}
		}
		assertThat(loud).as("20 ms frames of the caller's voice in the message").isGreaterThan(100);
	}

	// The practice

	void activate(String name, String flow, String number) {
		assertThat(mvc.put().uri("/api/ivr/flows/{name}", name).header(HttpHeaders.AUTHORIZATION, ADMIN)
			.contentType(MediaType.parseMediaType("application/yaml")).content(flow)).hasStatusOk();
		assertThat(mvc.post().uri("/api/ivr/flows/{name}/versions/1/activate", name)
			.header(HttpHeaders.AUTHORIZATION, ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"number\": \"" + number + "\"}")).hasStatusOk();
	}

	StaffMember therapist(String name) {
		StaffMember member = staff.add(StaffFixtures.onCallTherapist(name, UsState.OR));
		added.add(member);
		return member;
	}

	/** Sets the phone's password as an administrator would and registers it with real digest; its port. */
	int registeredPhone(StaffMember member) throws Exception {
		String password = "phone-" + member.id();
		assertThat(mvc.put().uri("/api/voice/phones/{id}", member.id()).header(HttpHeaders.AUTHORIZATION, ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\": \"" + password + "\"}")).hasStatus2xxSuccessful();
		int port;
		try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}
		Sipp register = Sipp.register(workDir, server.port(), port, member.sipUser(), password);
		assertThat(register.await()).as(register::report).isZero();
		return port;
	}

	PhoneMedia media(int hertz) {
		PhoneMedia media = new PhoneMedia(hertz);
		closing.add(media);
		return media;
	}

	/** A prompt of one pitch, 8 kHz mono 16-bit PCM. */
	static byte[] tone(int hertz, int millis) {
		int samples = 8 * millis;
		ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples)
			.put("WAVE".getBytes(StandardCharsets.US_ASCII));
		wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
			.putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
		wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples);
		for (int i = 0; i < samples; i++) {
			wav.putShort((short) (8000 * Math.sin(2 * Math.PI * hertz * i / 8000.0)));
		}
		return wav.array();
	}
}
