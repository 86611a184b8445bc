package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.NotFound;
import org.tandem.voice.CallArrived;
import org.tandem.voice.CallEnded;
import org.tandem.voice.Calls;

/**
 * Real SIP on loopback: sipp plays the carrier's side of each call. The media timeout is shortened so
 * that a silent caller is hung up within the test, yet outlasts the calls that send no RTP on purpose.
 */
@SpringBootTest(properties = "tandem.voice.media-timeout=5s")
@ActiveProfiles("test")
@Import(CallEventLog.class)
class SipE2ETests {

	@Autowired
	SipServer server;

	@Autowired
	Calls calls;

	@Autowired
	CallEventLog events;

	@TempDir
	Path workDir;

	@Test
	void answersOptionsOverUdpAndTcp() throws Exception {
		Sipp udp = Sipp.start(workDir, server.port(), "options_answered.xml", "127.0.0.1");
		assertThat(udp.await()).as(udp::report).isZero();

		Sipp tcp = Sipp.start(workDir, server.port(), "options_answered.xml", "127.0.0.1", "-t", "t1");
		assertThat(tcp.await()).as(tcp::report).isZero();
	}

	@Test
	void refusesAnInviteFromAnAddressThatIsNoTrunk() throws Exception {
		int arrivedBefore = events.arrived.size();
		Sipp sipp = Sipp.start(workDir, server.port(), "invite_from_unknown_address_forbidden.xml", "127.0.0.2");

		assertThat(sipp.await()).as(sipp::report).isZero();
		assertThat(events.arrived).hasSize(arrivedBefore);
	}

	@Test
	void refusesAnInviteWithoutACommonCodec() throws Exception {
		int arrivedBefore = events.arrived.size();
		Sipp sipp = Sipp.start(workDir, server.port(), "invite_without_common_codec_refused.xml", "127.0.0.1");

		assertThat(sipp.await()).as(sipp::report).isZero();
		assertThat(events.arrived).hasSize(arrivedBefore);
		assertThat(server.activeMediaSessions()).isZero();
	}

	@Test
	void answersATrunkCallAndPlaysAPromptPacedEvery20Milliseconds() throws Exception {
		Path tone = writeTone(workDir.resolve("tone.wav"), 1000);
		try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
			int arrivedBefore = events.arrived.size();
			Sipp sipp = Sipp.start(workDir, server.port(), "invite_from_trunk_answered.xml", "127.0.0.1", "-set",
					"rtp_port", String.valueOf(receiver.getLocalPort()));
			await().atMost(Duration.ofSeconds(10)).until(() -> events.arrived.size() > arrivedBefore);
			CallArrived call = events.arrived.get(arrivedBefore);
			assertThat(call.callerNumber()).isEqualTo("+15035550100");
			assertThat(call.dialledNumber()).isEqualTo("+15035550199");

			calls.play(call.callId(), List.of(tone));
			List<Long> arrivals = receive(receiver, 50);

			assertThat(sipp.await()).as(sipp::report).isZero();
			// 1 s of audio is 50 frames of 20 ms; the gaps between them average 20 ms on a busy machine too.
			assertThat(arrivals).hasSize(50);
			double meanGapMillis = (arrivals.get(49) - arrivals.get(0)) / 49 / 1e6;
			assertThat(meanGapMillis).isBetween(17.0, 23.0);
			await().atMost(Duration.ofSeconds(5)).until(() -> events.ended.stream()
				.anyMatch(ended -> ended.callId().equals(call.callId()) && ended.reason() == CallEnded.Reason.CALLER_HUNG_UP));
		}
	}

	@Test
	void knowsNoCallThatIsNotUp() throws Exception {
		Path tone = writeTone(workDir.resolve("tone.wav"), 100);

		assertThatThrownBy(() -> calls.play("no-such-call", List.of(tone))).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> calls.stop("no-such-call")).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> calls.hangUp("no-such-call")).isInstanceOf(NotFound.class);
	}

	@Test
	void hearsKeysAsRfc4733EventsOnceEachAndAsSipInfo() throws Exception {
		int arrivedBefore = events.arrived.size();
		Sipp sipp = Sipp.start(workDir, server.port(), "dtmf_rfc4733_and_info.xml", "127.0.0.1");

		assertThat(sipp.await()).as(sipp::report).isZero();
		await().atMost(Duration.ofSeconds(5)).until(() -> events.arrived.size() > arrivedBefore);
		CallArrived call = events.arrived.get(arrivedBefore);
		await().atMost(Duration.ofSeconds(5)).until(() -> events.pressedOn(call.callId()).length() >= 2);
		assertThat(events.pressedOn(call.callId())).isEqualTo("15");
	}

	@Test
	void hangsUpACallerFromWhomNoRtpArrives() throws Exception {
		int arrivedBefore = events.arrived.size();
		Sipp sipp = Sipp.start(workDir, server.port(), "silent_caller_hung_up.xml", "127.0.0.1");

		assertThat(sipp.await()).as(sipp::report).isZero();
		CallArrived call = events.arrived.get(arrivedBefore);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events.ended).anyMatch(
				ended -> ended.callId().equals(call.callId()) && ended.reason() == CallEnded.Reason.MEDIA_TIMEOUT
						&& Duration.between(call.at(), ended.at()).compareTo(Duration.ofSeconds(5)) >= 0));
	}

	@Test
	void answersARetransmittedInviteAgainWithoutASecondCall() throws Exception {
		int arrivedBefore = events.arrived.size();
		byte[] invite = message("/sip/invite_retransmitted.sip");
		try (DatagramSocket carrier = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
			carrier.setSoTimeout(3000);
			send(carrier, invite);
			String first = response(carrier, "INVITE");
			send(carrier, invite);
			String second = response(carrier, "INVITE");

			assertThat(first).startsWith("SIP/2.0 200");
			assertThat(second).startsWith("SIP/2.0 200");
			assertThat(header(second, "To")).isEqualTo(header(first, "To"));
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
				.until(() -> events.arrived.size() == arrivedBefore + 1);

			String to = header(first, "To");
			send(carrier, inDialog("ACK", 1, to));
			send(carrier, inDialog("ACK", 1, to));
			send(carrier, inDialog("BYE", 2, to));
			assertThat(response(carrier, "BYE")).startsWith("SIP/2.0 200");
		}
	}

	private byte[] message(String resource) throws IOException {
		return new String(getClass().getResourceAsStream(resource).readAllBytes(), StandardCharsets.UTF_8)
			.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	private void send(DatagramSocket socket, byte[] message) throws IOException {
		socket.send(new DatagramPacket(message, message.length, InetAddress.getByName("127.0.0.1"), server.port()));
	}

	private static byte[] inDialog(String method, int sequence, String to) {
		return ("%s sip:tandem@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1;rport;branch=z9hG4bK-retransmitted-%s\r\n"
				+ "Max-Forwards: 70\r\nFrom: <sip:+15035550100@127.0.0.1>;tag=retransmitted\r\nTo: %s\r\n"
				+ "Call-ID: invite-retransmitted@127.0.0.1\r\nCSeq: %d %s\r\nContent-Length: 0\r\n\r\n")
			.formatted(method, method.toLowerCase(), to, sequence, method).getBytes(StandardCharsets.UTF_8);
	}

	/** The next final response to a request of the method, skipping 100 Trying and other transactions. */
	private static String response(DatagramSocket socket, String method) throws IOException {
		byte[] buffer = new byte[4096];
		while (true) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			socket.receive(packet);
			String response = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
			if (!response.startsWith("SIP/2.0 1") && header(response, "CSeq").endsWith(" " + method)) {
				return response;
			}
		}
	}

	private static String header(String message, String name) {
		return message.lines().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
			.map(line -> line.substring(name.length() + 1).trim()).findFirst().orElse("");
	}

	/** Receive times of our RTP packets, each checked to be PCMU. */
	private static List<Long> receive(DatagramSocket receiver, int packets) throws IOException {
		List<Long> arrivals = new ArrayList<>();
		receiver.setSoTimeout(2000);
		byte[] buffer = new byte[1500];
		try {
			while (arrivals.size() < packets + 5) {
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				receiver.receive(packet);
				arrivals.add(System.nanoTime());
				assertThat(packet.getLength()).isEqualTo(12 + 160);
				assertThat(buffer[1] & 0x7F).isZero();
			}
		}
		catch (SocketTimeoutException playedOut) {
			// The prompt ended; nothing is sent in silence.
		}
		return arrivals;
	}

	static Path writeTone(Path file, int millis) throws IOException {
		int samples = 8 * millis;
		ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes()).putInt(36 + 2 * samples).put("WAVE".getBytes());
		wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
			.putShort((short) 2).putShort((short) 16);
		wav.put("data".getBytes()).putInt(2 * samples);
		for (int i = 0; i < samples; i++) {
			wav.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
		}
		return Files.write(file, wav.array());
	}
}
