package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One session on real loopback sockets, driven tick by tick instead of by the media clock. */
class RtpSessionTests {

	private static final long TIMEOUT = 60_000_000_000L;

	private final List<String> heard = new ArrayList<>();

	private DatagramChannel ours;

	private DatagramChannel sdpAddress;

	private DatagramChannel natAddress;

	private RtpSession session;

	@BeforeEach
	void openSockets() throws IOException {
		ours = bound();
		sdpAddress = bound();
		natAddress = bound();
		session = new RtpSession(ours, Codec.PCMA, OptionalInt.of(101),
				(InetSocketAddress) sdpAddress.getLocalAddress(), new RtpSession.Listener() {

					@Override
					public void keyPressed(char key) {
						heard.add("key " + key);
					}

					@Override
					public void mediaTimedOut() {
						heard.add("timeout");
					}

					@Override
					public void playbackFinished(long playback) {
						heard.add("played " + playback);
					}
				});
	}

	@AfterEach
	void close() throws IOException {
		session.close();
		sdpAddress.close();
		natAddress.close();
	}

	@Test
	void sendsToTheSdpAddressUntilTheCallerIsHeardThenToWhereTheCallerIs() throws IOException {
		session.play(List.of(new byte[320]));
		session.tick(System.nanoTime(), TIMEOUT);
		ByteBuffer first = receive(sdpAddress);
		assertThat(RtpHeader.read(first).payloadType()).isEqualTo(8);
		assertThat(RtpHeader.read(first).marker()).as("start of a talkspurt").isTrue();

		natAddress.send(rtp(8), ours.getLocalAddress());
		session.received(receive(ours), natAddress.getLocalAddress());
		session.tick(System.nanoTime(), TIMEOUT);

		ByteBuffer second = receive(natAddress);
		assertThat(RtpHeader.read(second).sequence()).isEqualTo((RtpHeader.read(first).sequence() + 1) & 0xFFFF);
		assertThat(RtpHeader.read(second).timestamp() - RtpHeader.read(first).timestamp()).isEqualTo(160);
		assertThat(RtpHeader.read(second).marker()).isFalse();
	}

	@Test
	void reportsSilenceOnceWhenNothingArrivesForTheTimeout() throws IOException {
		long start = System.nanoTime();
		session.tick(start + TIMEOUT / 2, TIMEOUT);
		assertThat(heard).isEmpty();

		session.tick(start + TIMEOUT + 1_000_000_000L, TIMEOUT);
		session.tick(start + TIMEOUT + 2_000_000_000L, TIMEOUT);
		assertThat(heard).containsExactly("timeout");
	}

	@Test
	void reportsAPlaybackFinishedOnTheTickThatSentItsLastFrame() throws IOException {
		long playback = session.play(List.of(new byte[320]));

		session.tick(System.nanoTime(), TIMEOUT);
		assertThat(heard).isEmpty();
		session.tick(System.nanoTime(), TIMEOUT);

		assertThat(heard).containsExactly("played " + playback);
		assertThat(RtpHeader.read(receive(sdpAddress))).isNotNull();
		assertThat(RtpHeader.read(receive(sdpAddress))).as("the last frame went out").isNotNull();
	}

	@Test
	void recordsTheCallersAudioButNotTheirKeysUntilTheyPressHash(@TempDir Path dir) throws IOException {
		List<Duration> recorded = new ArrayList<>();
		Path file = dir.resolve("message.wav");
		assertThat(session.record(Recording.start(file, Duration.ofMinutes(1), Codec.PCMA, System.nanoTime(),
				Runnable::run, recorded::add))).isTrue();

		session.received(RecordingTests.packet(0, 7, Codec.PCMA, 3000), null);
		session.received(RecordingTests.packet(160, 7, Codec.PCMU, 3000), null);
		session.received(keyEnd(11, 320), null);
		session.received(RecordingTests.packet(480, 7, Codec.PCMA, 3000), null);

		assertThat(heard).containsExactly("key #");
		assertThat(recorded).containsExactly(Duration.ofMillis(20));
		assertThat(WavFiles.read(file)).hasSize(160);
	}

	@Test
	void endsARecordingWhenAnotherReplacesItAndWhenTheSessionCloses(@TempDir Path dir) throws IOException {
		List<String> recorded = new ArrayList<>();
		Recording first = Recording.start(dir.resolve("first.wav"), Duration.ofMinutes(1), Codec.PCMA,
				System.nanoTime(), Runnable::run, length -> recorded.add("first"));
		Recording second = Recording.start(dir.resolve("second.wav"), Duration.ofMinutes(1), Codec.PCMA,
				System.nanoTime(), Runnable::run, length -> recorded.add("second"));
		session.record(first);
		session.record(second);
		assertThat(recorded).containsExactly("first");

		session.close();
		assertThat(recorded).containsExactly("first", "second");
		Recording late = Recording.start(dir.resolve("late.wav"), Duration.ofMinutes(1), Codec.PCMA,
				System.nanoTime(), Runnable::run, length -> recorded.add("late"));
		assertThat(session.record(late)).as("the call is over").isFalse();
	}

	@Test
	void endsARecordingOnTheTickAfterItsMaximumHasPassed(@TempDir Path dir) throws IOException {
		List<Duration> recorded = new ArrayList<>();
		long start = System.nanoTime();
		session.record(Recording.start(dir.resolve("short.wav"), Duration.ofSeconds(1), Codec.PCMA, start,
				Runnable::run, recorded::add));

		session.tick(start + 500_000_000L, TIMEOUT);
		assertThat(recorded).isEmpty();
		session.tick(start + 1_000_000_000L, TIMEOUT);
		assertThat(recorded).containsExactly(Duration.ZERO);
	}

	@Test
	void ignoresDatagramsThatAreNotRtp() {
		session.received(ByteBuffer.wrap(new byte[] { 'h', 'e', 'l', 'l', 'o' }), null);
		session.received(ByteBuffer.wrap(new byte[3]), null);

		assertThat(heard).isEmpty();
	}

	private static ByteBuffer rtp(int payloadType) {
		ByteBuffer packet = ByteBuffer.allocate(12 + 160);
		RtpHeader.write(packet, payloadType, false, 1, 160, 7);
		return packet.position(packet.limit()).flip();
	}

	/** The first end packet of an RFC 4733 key press. */
	private static ByteBuffer keyEnd(int event, long timestamp) {
		ByteBuffer packet = ByteBuffer.allocate(16);
		RtpHeader.write(packet, 101, false, 9, timestamp, 7);
		packet.put((byte) event).put((byte) (0x80 | 10)).putShort((short) 800);
		return packet.flip();
	}

	private static DatagramChannel bound() throws IOException {
		DatagramChannel channel = DatagramChannel.open();
		channel.bind(new InetSocketAddress("127.0.0.1", 0));
		return channel;
	}

	private static ByteBuffer receive(DatagramChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(2048);
		channel.receive(buffer);
		return buffer.flip();
	}
}
