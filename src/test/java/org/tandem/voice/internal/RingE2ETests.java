package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.Conflict;
import org.tandem.core.NotFound;
import org.tandem.core.PhoneNumber;
import org.tandem.directory.Directory;
import org.tandem.directory.StaffFixtures;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRegistration;
import org.tandem.voice.CallArrived;
import org.tandem.voice.CallEnded;
import org.tandem.voice.Calls;
import org.tandem.voice.Destination;
import org.tandem.voice.RingAnswered;
import org.tandem.voice.RingFailed;

/**
 * A caller (sipp, as the carrier) is put through to an agent's desk phone (a second sipp, waiting on its
 * registered contact). The audio of each side is a socket of the test's, so what crosses the bridge can
 * be checked byte by byte. Same settings as {@link SipE2ETests}, so both share one application.
 */
@SpringBootTest(properties = { "tandem.voice.media-timeout=5s", "tandem.ivr.enabled=false" })
@ActiveProfiles("test")
@Import(CallEventLog.class)
class RingE2ETests {

	/** What the caller's phone sends, in A-law, and the agent's, in μ-law. */
	private static final byte CALLER_SAMPLE = (byte) 0x2A;

	private static final byte AGENT_SAMPLE = (byte) 0x9C;

	@Autowired
	SipServer server;

	@Autowired
	Calls calls;

	@Autowired
	CallEventLog events;

	@Autowired
	CallLegs legs;

	@Autowired
	OutgoingLegs outgoing;

	@Autowired
	Directory directory;

	@Autowired
	StaffRegistration staff;

	@Autowired
	PhoneCredentials credentials;

	@Autowired
	Registrations registrations;

	@TempDir
	Path workDir;

	StaffMember rosa = StaffFixtures.couplesTherapist();

	RtpPeer callerAudio;

	RtpPeer agentAudio;

	@BeforeEach
	void rosaHasADeskPhone() throws Exception {
		if (directory.find(rosa.id()).isEmpty()) {
			staff.add(rosa);
		}
		credentials.save(new PhoneCredentials.Credential(rosa.id(), rosa.sipUser(), "tandem",
				Digest.ha1(rosa.sipUser(), "tandem", "correct-horse-battery")));
		registrations.unbind(rosa.sipUser());
		callerAudio = new RtpPeer(Codec.PCMA.payloadType(), CALLER_SAMPLE, 0x11111111L);
		agentAudio = new RtpPeer(Codec.PCMU.payloadType(), AGENT_SAMPLE, 0x22222222L);
	}

	@AfterEach
	void closeAudio() {
		callerAudio.close();
		agentAudio.close();
	}

	@AfterEach
	void givesEveryRtpPortBack() {
		// A call of another test that failed half-way is hung up by the media timeout within 5 s.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.activeMediaSessions()).isZero());
	}

	@Test
	void putsTheCallerThroughToTheAgentWhoAnsweredAndHangsUpTheCallerWhenTheAgentDoes() throws Exception {
		Sipp agent = agentPhone("agent_answers_then_hangs_up.xml");
		Caller caller = caller();
		Map<String, String> context = new LinkedHashMap<>();
		context.put("contact", "contact-42");
		// A line break must not let a value forge headers of its own.
		context.put("client", "Dana\r\nExample");
		Destination rosasPhone = new Destination.Phone(rosa.id());

		calls.ring(caller.callId(), rosasPhone, context, Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(10)).until(() -> !events.ringOutcomesOf(caller.callId()).isEmpty());
		assertThat(events.ringOutcomesOf(caller.callId())).singleElement().isInstanceOfSatisfying(RingAnswered.class,
				answered -> assertThat(answered.destination()).isEqualTo(rosasPhone));

		calls.bridge(caller.callId());
		assertThatThrownBy(() -> calls.ring(caller.callId(), rosasPhone, Map.of(), Duration.ofSeconds(5)))
			.isInstanceOf(Conflict.class);
		agentAudio.sendTo(outgoing.find(caller.callId()).orElseThrow().media().localPort());
		await().atMost(Duration.ofSeconds(4))
			.until(() -> agentAudio.sound().size() >= 20 && callerAudio.sound().size() >= 20);

		// Each phone hears the other in its own law, as one stream without gaps from Tandem's side.
		assertRelayed(agentAudio.sound().subList(0, 20), Codec.PCMU, MuLaw.encode(ALaw.decode(CALLER_SAMPLE)));
		assertRelayed(callerAudio.sound().subList(0, 20), Codec.PCMA, ALaw.encode(MuLaw.decode(AGENT_SAMPLE)));

		assertThat(agent.await()).as(agent::report).isZero();
		assertThat(caller.sipp().await()).as(caller.sipp()::report).isZero();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events.ended).anyMatch(
				ended -> ended.callId().equals(caller.callId()) && ended.reason() == CallEnded.Reason.OTHER_SIDE_HUNG_UP));
		assertThat(outgoing.find(caller.callId())).isEmpty();
		assertThat(events.ringOutcomesOf(caller.callId())).hasSize(1);
	}

	@Test
	void hangsUpTheAgentWhoPutTheCallOnHoldWhenTheCallerHangsUp() throws Exception {
		Sipp agent = agentPhone("agent_answers_holds_until_hung_up.xml");
		Caller caller = caller("caller_hangs_up_after_a_while.xml");

		calls.ring(caller.callId(), new Destination.Phone(rosa.id()), Map.of(), Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(4)).until(() -> !events.ringOutcomesOf(caller.callId()).isEmpty());
		calls.bridge(caller.callId());

		assertThat(caller.sipp().await()).as(caller.sipp()::report).isZero();
		assertThat(agent.await()).as(agent::report).isZero();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events.ended).anyMatch(
				ended -> ended.callId().equals(caller.callId()) && ended.reason() == CallEnded.Reason.CALLER_HUNG_UP));
		assertThat(events.ringOutcomesOf(caller.callId())).singleElement().isInstanceOf(RingAnswered.class);
	}

	@Test
	void hangsUpBothSidesWhenNoAudioComesFromTheAgentAnyMore() throws Exception {
		Sipp agent = agentPhone("agent_answers_until_hung_up.xml");
		Caller caller = caller();

		calls.ring(caller.callId(), new Destination.Phone(rosa.id()), Map.of(), Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(4)).until(() -> !events.ringOutcomesOf(caller.callId()).isEmpty());
		calls.bridge(caller.callId());

		// The agent's socket never sends: after the 5 s media timeout the agent's leg is taken as gone.
		assertThat(agent.await()).as(agent::report).isZero();
		assertThat(caller.sipp().await()).as(caller.sipp()::report).isZero();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events.ended).anyMatch(
				ended -> ended.callId().equals(caller.callId()) && ended.reason() == CallEnded.Reason.OTHER_SIDE_HUNG_UP));
	}

	@Test
	void cancelsTheRingWhenTheCallerHangsUpWhileItRings() throws Exception {
		Sipp agent = agentPhone("agent_rings_until_cancelled.xml", new String[0]);
		Caller caller = caller("caller_hangs_up_after_a_while.xml");

		calls.ring(caller.callId(), new Destination.Phone(rosa.id()), Map.of(), Duration.ofSeconds(30));

		assertThat(caller.sipp().await()).as(caller.sipp()::report).isZero();
		assertThat(agent.await()).as(agent::report).isZero();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events.ended).anyMatch(
				ended -> ended.callId().equals(caller.callId()) && ended.reason() == CallEnded.Reason.CALLER_HUNG_UP));
		assertThat(events.ringOutcomesOf(caller.callId())).isEmpty();
		assertThat(outgoing.find(caller.callId())).isEmpty();
	}

	@Test
	void cancelsTheRingWhenNobodyAnswersInTime() throws Exception {
		Sipp agent = agentPhone("agent_rings_until_cancelled.xml", new String[0]);
		Caller caller = caller();

		calls.ring(caller.callId(), new Destination.Phone(rosa.id()), Map.of("contact", "contact-42"),
				Duration.ofSeconds(2));

		assertThat(agent.await()).as(agent::report).isZero();
		await().atMost(Duration.ofSeconds(5)).until(() -> !events.ringOutcomesOf(caller.callId()).isEmpty());
		assertThat(events.ringOutcomesOf(caller.callId())).singleElement()
			.isEqualTo(new RingFailed(caller.callId(), new Destination.Phone(rosa.id()), RingFailed.Reason.NO_ANSWER));
		assertThatThrownBy(() -> calls.bridge(caller.callId())).isInstanceOf(Conflict.class);
		hangUp(caller);
	}

	@Test
	void stopsRingingWithoutAnOutcome() throws Exception {
		Sipp agent = agentPhone("agent_rings_until_cancelled.xml", new String[0]);
		Caller caller = caller();

		calls.ring(caller.callId(), new Destination.Phone(rosa.id()), Map.of(), Duration.ofSeconds(30));
		calls.stopRinging(caller.callId());

		assertThat(agent.await()).as(agent::report).isZero();
		assertThat(events.ringOutcomesOf(caller.callId())).isEmpty();
		assertThat(outgoing.find(caller.callId())).isEmpty();
		calls.stopRinging(caller.callId());
		hangUp(caller);
	}

	@Test
	void cancelsTheFirstRingQuietlyWhenTheCallRingsSomewhereElse() throws Exception {
		Sipp agent = agentPhone("agent_rings_until_cancelled.xml", new String[0]);
		Caller caller = caller();
		Destination nobodysPhone = new Destination.Phone(UUID.randomUUID());

		calls.ring(caller.callId(), new Destination.Phone(rosa.id()), Map.of(), Duration.ofSeconds(30));
		calls.ring(caller.callId(), nobodysPhone, Map.of(), Duration.ofSeconds(30));

		assertThat(agent.await()).as(agent::report).isZero();
		await().atMost(Duration.ofSeconds(5)).until(() -> !events.ringOutcomesOf(caller.callId()).isEmpty());
		assertThat(events.ringOutcomesOf(caller.callId())).singleElement()
			.isEqualTo(new RingFailed(caller.callId(), nobodysPhone, RingFailed.Reason.NOT_REGISTERED));
		hangUp(caller);
	}

	@Test
	void reportsABusyPhone() throws Exception {
		Sipp agent = agentPhone("agent_busy.xml", new String[0]);
		Caller caller = caller();

		calls.ring(caller.callId(), new Destination.Phone(rosa.id()), Map.of(), Duration.ofSeconds(10));

		assertThat(agent.await()).as(agent::report).isZero();
		await().atMost(Duration.ofSeconds(5)).until(() -> !events.ringOutcomesOf(caller.callId()).isEmpty());
		assertThat(events.ringOutcomesOf(caller.callId())).singleElement()
			.isEqualTo(new RingFailed(caller.callId(), new Destination.Phone(rosa.id()), RingFailed.Reason.BUSY));
		hangUp(caller);
	}

	@Test
	void reportsAStaffMemberWithoutARegisteredPhoneAndHasNothingToBridge() throws Exception {
		Caller caller = caller();
		Destination nobodysPhone = new Destination.Phone(UUID.randomUUID());
		Destination rosasPhone = new Destination.Phone(rosa.id());

		calls.ring(caller.callId(), nobodysPhone, Map.of(), Duration.ofSeconds(10));
		calls.ring(caller.callId(), rosasPhone, Map.of(), Duration.ofSeconds(10));

		await().atMost(Duration.ofSeconds(5)).until(() -> events.ringOutcomesOf(caller.callId()).size() == 2);
		assertThat(events.ringOutcomesOf(caller.callId())).containsExactly(
				new RingFailed(caller.callId(), nobodysPhone, RingFailed.Reason.NOT_REGISTERED),
				new RingFailed(caller.callId(), rosasPhone, RingFailed.Reason.NOT_REGISTERED));
		assertThatThrownBy(() -> calls.bridge(caller.callId())).isInstanceOf(Conflict.class);
		hangUp(caller);
	}

	@Test
	void cannotReachANumberWithoutAnOutboundProxy() throws Exception {
		Caller caller = caller();
		Destination number = new Destination.Number(new PhoneNumber("+15035550123"));

		calls.ring(caller.callId(), number, Map.of(), Duration.ofSeconds(10));

		await().atMost(Duration.ofSeconds(5)).until(() -> !events.ringOutcomesOf(caller.callId()).isEmpty());
		assertThat(events.ringOutcomesOf(caller.callId())).singleElement()
			.isEqualTo(new RingFailed(caller.callId(), number, RingFailed.Reason.UNREACHABLE));
		hangUp(caller);
	}

	@Test
	void knowsNoCallThatIsNotUp() {
		Destination rosasPhone = new Destination.Phone(rosa.id());

		assertThatThrownBy(() -> calls.ring("no-such-call", rosasPhone, Map.of(), Duration.ofSeconds(5)))
			.isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> calls.stopRinging("no-such-call")).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> calls.bridge("no-such-call")).isInstanceOf(NotFound.class);
	}

	private record Caller(String callId, Sipp sipp) {
	}

	/** A trunk call, answered, whose audio flows from the test's caller socket from the start. */
	private Caller caller() {
		return caller("caller_stays_until_hung_up.xml");
	}

	private Caller caller(String scenario) {
		int arrivedBefore = events.arrived.size();
		Sipp sipp = Sipp.start(workDir, server.port(), scenario, "127.0.0.1", "-set", "rtp_port",
				String.valueOf(callerAudio.port()));
		CallArrived call = events.arrivedAfter(arrivedBefore, sipp);
		callerAudio.sendTo(legs.find(call.callId()).orElseThrow().media().localPort());
		return new Caller(call.callId(), sipp);
	}

	/** Rosa's desk phone, registered at the sipp that plays it; its audio is the agent's socket. */
	private Sipp agentPhone(String scenario) {
		return agentPhone(scenario, "-set", "rtp_port", String.valueOf(agentAudio.port()));
	}

	private Sipp agentPhone(String scenario, String... options) {
		Sipp agent = Sipp.answer(workDir, scenario, options);
		registrations.bind(rosa.sipUser(), "sip:" + rosa.sipUser() + "@127.0.0.1:" + agent.port(), Duration.ofMinutes(10));
		return agent;
	}

	private void hangUp(Caller caller) throws InterruptedException {
		calls.hangUp(caller.callId());
		assertThat(caller.sipp().await()).as(caller.sipp()::report).isZero();
	}

	private static void assertRelayed(List<byte[]> packets, Codec codec, byte sample) {
		RtpHeader first = RtpHeader.read(ByteBuffer.wrap(packets.get(0)));
		for (int i = 0; i < packets.size(); i++) {
			ByteBuffer packet = ByteBuffer.wrap(packets.get(i));
			RtpHeader header = RtpHeader.read(packet);
			assertThat(header.payloadType()).isEqualTo(codec.payloadType());
			assertThat(header.ssrc()).isEqualTo(first.ssrc()).isNotIn(0x11111111L, 0x22222222L);
			assertThat(header.sequence()).isEqualTo((first.sequence() + i) & 0xFFFF);
			assertThat(header.timestamp()).isEqualTo((first.timestamp() + 160L * i) & 0xFFFFFFFFL);
			assertThat(packet.limit() - header.payloadOffset()).isEqualTo(160);
			for (int at = header.payloadOffset(); at < packet.limit(); at++) {
				assertThat(packet.get(at)).isEqualTo(sample);
			}
		}
	}
}
