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
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;
import org.tandem.voice.CallArrived;
import org.tandem.voice.CallEnded;
import org.tandem.voice.Calls;
import org.tandem.voice.PlaybackFinished;
import org.tandem.voice.RecordingFinished;

/**
 * Real SIP on loopback: sipp plays the carrier's side of each call. The media timeout is shortened so
 * that a silent caller is hung up within the test, yet outlasts the calls that send no RTP on purpose.
 */
@SpringBootTest(properties = { "tandem.voice.media-timeout=5s", "tandem.ivr.enabled=false" })
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
			CallArrived call = events.arrivedAfter(arrivedBefore, sipp);
			assertThat(call.callerNumber()).isEqualTo("+15035550100");
			assertThat(call.dialledNumber()).isEqualTo("+15035550199");

			calls.play(call.callId(), List.of(tone));
			List<Frame> frames = receive(receiver, 100);

			assertThat(sipp.await()).as(sipp::report).isZero();
			// 1 s of audio is 50 frames of 20 ms, between silent ones: the stream never pauses, and its gaps
			// average 20 ms on a busy machine too.
			assertThat(frames.stream().filter(Frame::loud).count()).isEqualTo(50);
			assertThat(frames).hasSize(100);
			double meanGapMillis = (frames.get(99).at() - frames.get(0).at()) / 99 / 1e6;
			assertThat(meanGapMillis).isBetween(17.0, 23.0);
			await().atMost(Duration.ofSeconds(5)).until(() -> events.ended.stream()
				.anyMatch(ended -> ended.callId().equals(call.callId()) && ended.reason() == CallEnded.Reason.CALLER_HUNG_UP));
		}
	}

	@Test
	void reportsTheEndOfAPromptOnlyAfterItPlayedAndNotForThePromptItReplaced() throws Exception {
		Path tone = writeTone(workDir.resolve("tone.wav"), 1000);
		try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
			int arrivedBefore = events.arrived.size();
			Sipp sipp = Sipp.start(workDir, server.port(), "invite_from_trunk_answered.xml", "127.0.0.1", "-set",
					"rtp_port", String.valueOf(receiver.getLocalPort()));
			String callId = events.arrivedAfter(arrivedBefore, sipp).callId();

			long replaced = calls.play(callId, List.of(tone));
			long started = System.nanoTime();
			long playback = calls.play(callId, List.of(tone));
			PlaybackFinished finished = new PlaybackFinished(callId, playback);
			Path notWav = Files.writeString(workDir.resolve("music.wav"), "not a WAV");
			assertThatThrownBy(() -> calls.loop(callId, notWav)).isInstanceOf(InvalidInput.class);
			assertThatThrownBy(() -> calls.record(callId, workDir.resolve("r.wav"), Duration.ZERO))
				.isInstanceOf(InvalidInput.class);
			await().atMost(Duration.ofSeconds(5)).until(() -> events.played.contains(finished));

			// 50 frames of 20 ms take 980 ms from the first; a clock that fell behind may catch up a little.
			assertThat(Duration.ofNanos(events.arrivalOf(finished) - started)).isGreaterThan(Duration.ofMillis(800));
			assertThat(sipp.await()).as(sipp::report).isZero();
			await().atMost(Duration.ofSeconds(5)).until(() -> events.ended.stream().anyMatch(ended -> ended.callId().equals(callId)));
			assertThat(replaced).isNotEqualTo(playback);
			assertThat(events.of(callId)).filteredOn(PlaybackFinished.class::isInstance).containsExactly(finished);
		}
	}

	@Test
	void recordsTheCallerUntilTheyHangUpAndReportsTheRecordingBeforeTheCallsEnd() throws Exception {
		int arrivedBefore = events.arrived.size();
		Sipp sipp = Sipp.start(workDir, server.port(), "caller_speaks_then_hangs_up.xml", "127.0.0.1");
		String callId = events.arrivedAfter(arrivedBefore, sipp).callId();
		Path file = workDir.resolve("voicemail").resolve(callId + ".wav");

		calls.record(callId, file, Duration.ofMinutes(1));

		assertThat(sipp.await()).as(sipp::report).isZero();
		await().atMost(Duration.ofSeconds(5)).until(() -> events.of(callId).stream().anyMatch(CallEnded.class::isInstance));
		assertThat(events.of(callId)).extracting(event -> event.getClass().getSimpleName())
			.containsExactly("CallArrived", "RecordingFinished", "CallEnded");
		RecordingFinished recorded = (RecordingFinished) events.of(callId).get(1);
		assertThat(recorded.file()).isEqualTo(file);
		// The caller sent 236 packets of 30 ms after recording began; silence after the last one is not audio.
		assertThat(recorded.length()).isBetween(Duration.ofMillis(7000), Duration.ofMillis(7080));
		assertThat(WavFiles.read(file)).hasSize((int) recorded.length().toMillis() * 8);
		assertThat(loudest(WavFiles.read(file))).as("what the caller said, not silence").isGreaterThan(1000);
	}

	@Test
	void endsARecordingAtItsMaximumWhileTheCallGoesOn() throws Exception {
		int arrivedBefore = events.arrived.size();
		Sipp sipp = Sipp.start(workDir, server.port(), "caller_speaks_then_hangs_up.xml", "127.0.0.1");
		String callId = events.arrivedAfter(arrivedBefore, sipp).callId();
		Path file = workDir.resolve(callId + ".wav");

		calls.record(callId, file, Duration.ofSeconds(5));

		await().atMost(Duration.ofSeconds(10)).until(() -> events.recorded.stream().anyMatch(r -> r.callId().equals(callId)));
		assertThat(events.of(callId)).extracting(event -> event.getClass().getSimpleName())
			.containsExactly("CallArrived", "RecordingFinished");
		RecordingFinished recorded = (RecordingFinished) events.of(callId).get(1);
		// The caller starts speaking 3 s into the call; the recording ends 5 s after it began.
		assertThat(recorded.length()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5));
		short[] samples = WavFiles.read(file);
		assertThat(samples).hasSize((int) recorded.length().toMillis() * 8);
		assertThat(loudest(samples)).as("what the caller said, not silence").isGreaterThan(100);
		assertThat(sipp.await()).as(sipp::report).isZero();
		await().atMost(Duration.ofSeconds(5)).until(() -> events.ended.stream().anyMatch(ended -> ended.callId().equals(callId)));
		assertThat(events.recorded).filteredOn(r -> r.callId().equals(callId)).hasSize(1);
	}

	@Test
	void knowsNoCallThatIsNotUp() throws Exception {
		Path tone = writeTone(workDir.resolve("tone.wav"), 100);

		assertThatThrownBy(() -> calls.play("no-such-call", List.of(tone))).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> calls.loop("no-such-call", tone)).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> calls.record("no-such-call", workDir.resolve("r.wav"), Duration.ofSeconds(1)))
			.isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> calls.stop("no-such-call")).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> calls.hangUp("no-such-call")).isInstanceOf(NotFound.class);
		assertThat(workDir.resolve("r.wav")).doesNotExist();
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
	/** One RTP packet as it arrived: when, and whether it carried sound rather than silence. */
	private record Frame(long at, boolean loud) {
	}

	private static List<Frame> receive(DatagramSocket receiver, int packets) throws IOException {
		List<Frame> frames = new ArrayList<>();
		receiver.setSoTimeout(2000);
		byte[] buffer = new byte[1500];
		try {
			while (frames.size() < packets) {
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				receiver.receive(packet);
				assertThat(packet.getLength()).isEqualTo(12 + 160);
				assertThat(buffer[1] & 0x7F).isZero();
				short[] samples = new short[160];
				for (int i = 0; i < samples.length; i++) {
					samples[i] = MuLaw.decode(buffer[12 + i]);
				}
				frames.add(new Frame(System.nanoTime(), loudest(samples) > 1000));
			}
		}
		catch (SocketTimeoutException callOver) {
			// The caller hung up.
		}
		return frames;
	}

	private static int loudest(short[] samples) {
		int loudest = 0;
		for (short sample : samples) {
			loudest = Math.max(loudest, Math.abs(sample));
		}
		return loudest;
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
