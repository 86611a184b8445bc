package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder fed RTP packets directly, its writes run at once instead of on the event thread. */
class RecordingTests {

	private static final long START = 1_000_000_000L;

	private final List<Duration> finished = new ArrayList<>();

	@TempDir
	Path dir;

	@Test
	void fillsATimestampGapWithSilenceSoTheRecordingIsAsLongAsTheCallerSpoke() throws IOException {
		Path file = dir.resolve("voicemail/caller.wav");
		Recording recording = start(file, Duration.ofMinutes(1), Codec.PCMU);

		recording.heard(header(0, 7), packet(0, 7, Codec.PCMU, 1000));
		recording.heard(header(160, 7), packet(160, 7, Codec.PCMU, 1000));
		// Packets 320 and 480 were lost, or suppressed as silence.
		recording.heard(header(640, 7), packet(640, 7, Codec.PCMU, -1000));
		recording.end();

		assertThat(finished).containsExactly(Duration.ofMillis(100));
		ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(wav.limit()).isEqualTo(44 + 2 * 800);
		assertThat(wav.getInt(4)).as("RIFF size").isEqualTo(36 + 2 * 800);
		assertThat(wav.getInt(40)).as("data size").isEqualTo(2 * 800);
		short[] samples = WavFiles.parse(wav, file);
		assertThat(samples).hasSize(800);
		assertThat(samples[0]).isEqualTo(MuLaw.decode(MuLaw.encode((short) 1000)));
		assertThat(Arrays.copyOfRange(samples, 320, 640)).containsOnly((short) 0);
		assertThat(samples[640]).isEqualTo(MuLaw.decode(MuLaw.encode((short) -1000)));
	}

	@Test
	void decodesTheNegotiatedCodecAcrossATimestampWrap() throws IOException {
		Path file = dir.resolve("wrap.wav");
		Recording recording = start(file, Duration.ofMinutes(1), Codec.PCMA);

		recording.heard(header(0xFFFFFF60L, 7), packet(0xFFFFFF60L, 7, Codec.PCMA, 2000));
		recording.heard(header(0, 7), packet(0, 7, Codec.PCMA, 2000));
		recording.end();

		assertThat(finished).containsExactly(Duration.ofMillis(40));
		assertThat(WavFiles.read(file)).hasSize(320).containsOnly(ALaw.decode(ALaw.encode((short) 2000)));
	}

	@Test
	void dropsLatePacketsAndStartsAfreshForANewSource() throws IOException {
		Path file = dir.resolve("late.wav");
		Recording recording = start(file, Duration.ofMinutes(1), Codec.PCMU);

		recording.heard(header(1600, 7), packet(1600, 7, Codec.PCMU, 500));
		recording.heard(header(1440, 7), packet(1440, 7, Codec.PCMU, 500));
		recording.heard(header(1600, 7), packet(1600, 7, Codec.PCMU, 500));
		// A new SSRC's timestamps start anywhere; its jump is no gap.
		recording.heard(header(900_000, 8), packet(900_000, 8, Codec.PCMU, 500));
		recording.end();

		assertThat(finished).containsExactly(Duration.ofMillis(40));
	}

	@Test
	void fillsNoMoreSilenceThanTimePassedWhenTheSenderRebasesItsTimestamps() throws IOException {
		Recording recording = start(dir.resolve("rebased.wav"), Duration.ofHours(2), Codec.PCMU);

		recording.heard(header(0, 7), packet(0, 7, Codec.PCMU, 1000));
		recording.heard(header(3600 * 8000, 7), packet(3600 * 8000, 7, Codec.PCMU, 1000));
		recording.heard(header(160, 7), packet(160, 7, Codec.PCMU, 1000));
		recording.heard(header(320, 7), packet(320, 7, Codec.PCMU, 1000));
		recording.end();

		// Four packets and at most a second of jitter allowance, on a slow machine a little more; not an hour.
		assertThat(finished).singleElement().satisfies(length -> assertThat(length)
			.isBetween(Duration.ofMillis(1080), Duration.ofSeconds(30)));
	}

	@Test
	void endsOnceAtItsMaximumLengthOfAudio() throws IOException {
		Path file = dir.resolve("max.wav");
		Recording recording = start(file, Duration.ofMillis(30), Codec.PCMU);

		recording.heard(header(0, 7), packet(0, 7, Codec.PCMU, 1000));
		recording.heard(header(480, 7), packet(480, 7, Codec.PCMU, 1000));
		recording.heard(header(640, 7), packet(640, 7, Codec.PCMU, 1000));
		recording.end();

		assertThat(finished).containsExactly(Duration.ofMillis(30));
		assertThat(WavFiles.read(file)).hasSize(240);
	}

	@Test
	void isOverdueOnlyOnceItsMaximumHasPassedByTheClock() throws IOException {
		Recording recording = start(dir.resolve("clock.wav"), Duration.ofSeconds(2), Codec.PCMU);

		assertThat(recording.overdue(START + 1_999_000_000L)).isFalse();
		assertThat(recording.overdue(START + 2_000_000_000L)).isTrue();
		recording.end();
		assertThat(recording.overdue(START + 3_000_000_000L)).as("ended already").isFalse();
		assertThat(finished).containsExactly(Duration.ZERO);
	}

	private Recording start(Path file, Duration max, Codec codec) throws IOException {
		return Recording.start(file, max, codec, START, Runnable::run, finished::add);
	}

	static RtpHeader header(long timestamp, long ssrc) {
		return RtpHeader.read(packet(timestamp, ssrc, Codec.PCMU, 0));
	}

	/** 20 ms of one sample value. */
	static ByteBuffer packet(long timestamp, long ssrc, Codec codec, int sample) {
		ByteBuffer packet = ByteBuffer.allocate(RtpHeader.SIZE + 160);
		RtpHeader.write(packet, codec.payloadType(), false, (int) (timestamp / 160), timestamp, ssrc);
		while (packet.hasRemaining()) {
			packet.put(codec.encode((short) sample));
		}
		return packet.flip();
	}
}
