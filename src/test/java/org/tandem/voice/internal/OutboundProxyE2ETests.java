package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tandem.core.PhoneNumber;
import org.tandem.voice.CallArrived;
import org.tandem.voice.CallEnded;
import org.tandem.voice.Calls;
import org.tandem.voice.Destination;
import org.tandem.voice.RingAnswered;

/**
 * A caller is put through to a phone number: the INVITE goes to the carrier's outbound proxy (sipp on a
 * port fixed before the application starts), which asks for digest credentials first.
 */
@SpringBootTest(properties = { "tandem.voice.media-timeout=5s", "tandem.ivr.enabled=false", "tandem.voice.outbound-username=tandem-practice",
		"tandem.voice.outbound-password=trunk-secret-7" })
@ActiveProfiles("test")
@Import(CallEventLog.class)
class OutboundProxyE2ETests {

	private static final int PROXY_PORT = freeUdpPort();

	@DynamicPropertySource
	static void proxy(DynamicPropertyRegistry registry) {
		registry.add("tandem.voice.outbound-proxy", () -> "127.0.0.1:" + PROXY_PORT);
	}

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

	@TempDir
	Path workDir;

	@Test
	void ringsANumberThroughTheProxyWithCredentialsAndHangsUpBothSides() throws Exception {
		try (RtpPeer callerAudio = new RtpPeer(Codec.PCMA.payloadType(), (byte) 0x2A, 0x11111111L);
				RtpPeer numberAudio = new RtpPeer(Codec.PCMA.payloadType(), (byte) 0x35, 0x33333333L)) {
			Sipp proxy = Sipp.answerOn(PROXY_PORT, workDir, "proxy_challenges_then_number_answers.xml", "-set",
					"rtp_port", String.valueOf(numberAudio.port()));
			int arrivedBefore = events.arrived.size();
			Sipp caller = Sipp.start(workDir, server.port(), "caller_stays_until_hung_up.xml", "127.0.0.1", "-set",
					"rtp_port", String.valueOf(callerAudio.port()));
			CallArrived call = events.arrivedAfter(arrivedBefore, caller);
			callerAudio.sendTo(legs.find(call.callId()).orElseThrow().media().localPort());
			Destination number = new Destination.Number(new PhoneNumber("+15035550123"));

			calls.ring(call.callId(), number, Map.of(), Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(10)).until(() -> !events.ringOutcomesOf(call.callId()).isEmpty());
			assertThat(events.ringOutcomesOf(call.callId())).as(proxy::report).singleElement().isInstanceOf(RingAnswered.class);
			calls.bridge(call.callId());
			numberAudio.sendTo(outgoing.find(call.callId()).orElseThrow().media().localPort());
			await().atMost(Duration.ofSeconds(4))
				.until(() -> numberAudio.sound().size() >= 10 && callerAudio.sound().size() >= 10);

			// Both sides speak A-law: the bytes cross unchanged.
			assertThat(numberAudio.sound()).allSatisfy(packet -> assertThat(packet[20]).isEqualTo((byte) 0x2A));
			assertThat(callerAudio.sound()).allSatisfy(packet -> assertThat(packet[20]).isEqualTo((byte) 0x35));

			calls.hangUp(call.callId());
			assertThat(proxy.await()).as(proxy::report).isZero();
			assertThat(caller.await()).as(caller::report).isZero();
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events.ended).anyMatch(
					ended -> ended.callId().equals(call.callId()) && ended.reason() == CallEnded.Reason.HUNG_UP));
		}
	}

	private static int freeUdpPort() {
		try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
