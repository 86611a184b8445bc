package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;

class MediaTests {

	@Test
	void countsAKeyOnceThoughItsEndPacketComesThreeTimes() {
		TelephoneEvents events = new TelephoneEvents();
		StringBuilder keys = new StringBuilder();
		// The packets of dtmf_2833_1.pcap: key 1 held, then three copies of the end (RFC 4733 §2.5.1.4).
		for (int duration = 0; duration <= 0x0780; duration += 0x140) {
			append(keys, receive(events, 13280, 1, false, duration));
		}
		for (int copy = 0; copy < 3; copy++) {
			append(keys, receive(events, 13280, 1, true, 0x08c0));
		}
		append(keys, receive(events, 14880, 11, true, 800));

		assertThat(keys).hasToString("1#");
	}

	@Test
	void readsKeysFromSipInfoBodies() {
		assertThat(TelephoneEvents.fromDtmfRelay("Signal=5\r\nDuration=160\r\n")).isEqualTo('5');
		assertThat(TelephoneEvents.fromDtmfRelay("Signal= #\nDuration=100")).isEqualTo('#');
		assertThat(TelephoneEvents.fromDtmfRelay("Signal=10")).isEqualTo('*');
		assertThat(TelephoneEvents.fromDtmfRelay("Duration=160")).isEqualTo((char) 0);
	}

	@Test
	void playsPromptsBackToBackIn20MillisecondFramesPaddedWithSilence() {
		Player player = player(Codec.PCMU);
		short[] loud = new short[200];
		java.util.Arrays.fill(loud, (short) 8000);
		player.play(List.of(Codec.PCMU.encode(loud), Codec.PCMU.encode(new short[100])));

		byte[] first = frame(player);
		byte[] second = frame(player);

		assertThat(first).hasSize(160).containsOnly(MuLaw.encode((short) 8000));
		assertThat(second[39]).isEqualTo(MuLaw.encode((short) 8000));
		assertThat(second[40]).isEqualTo((byte) 0xFF);
		assertThat(frame(player)).isNull();
	}

	@Test
	void numbersPlaybacksAndReportsEachOnceWhenItsLastFrameIsHandedOut() {
		Player player = player(Codec.PCMU);
		long first = player.play(List.of(Codec.PCMU.encode(new short[100]), Codec.PCMU.encode(new short[200])));

		assertThat(frame(player)).isNotNull();
		assertThat(player.finished()).as("140 samples still to play").isEqualTo(Player.NONE);
		assertThat(frame(player)).isNotNull();
		assertThat(player.finished()).isEqualTo(first);
		assertThat(player.finished()).isEqualTo(Player.NONE);
		assertThat(frame(player)).isNull();
		assertThat(player.play(List.of(Codec.PCMU.encode(new short[1])))).isGreaterThan(first);
	}

	@Test
	void reportsNoPlaybackThatWasReplacedOrStoppedBeforeItsEnd() {
		Player player = player(Codec.PCMA);
		player.play(List.of(Codec.PCMA.encode(new short[320])));
		frame(player);
		long second = player.play(List.of(Codec.PCMA.encode(new short[320])));
		frame(player);
		player.stop();
		long third = player.play(List.of(Codec.PCMA.encode(new short[160])));
		player.loop(Codec.PCMA.encode(new short[480]));
		for (int frame = 0; frame < 10; frame++) {
			frame(player);
		}

		assertThat(player.finished()).isEqualTo(Player.NONE);
		assertThat(List.of(second, third)).doesNotHaveDuplicates();
	}

	@Test
	void reportsAnEmptyPlaybackAtOnce() {
		Player player = player(Codec.PCMU);
		long playback = player.play(List.of());

		assertThat(frame(player)).isNull();
		assertThat(player.finished()).isEqualTo(playback);
	}

	@Test
	void loopsMusicFromItsEndSeamlesslyIntoItsStartUntilSomethingElsePlays() {
		Player player = player(Codec.PCMU);
		short[] music = new short[200];
		for (int i = 0; i < music.length; i++) {
			music[i] = (short) (i * 100);
		}
		player.loop(Codec.PCMU.encode(music));

		byte[] first = frame(player);
		byte[] second = frame(player);
		for (int frame = 0; frame < 100; frame++) {
			assertThat(frame(player)).isNotNull();
		}

		assertThat(first[159]).isEqualTo(MuLaw.encode(music[159]));
		assertThat(second[39]).isEqualTo(MuLaw.encode(music[199]));
		assertThat(second[40]).isEqualTo(MuLaw.encode(music[0]));
		assertThat(player.finished()).as("music never finishes").isEqualTo(Player.NONE);

		long prompt = player.play(List.of(Codec.PCMU.encode(new short[160])));
		frame(player);
		assertThat(player.finished()).isEqualTo(prompt);
		assertThat(frame(player)).isNull();
	}

	@Test
	void sharesOneCopyOfAFileInEachCodecUntilItChangesOnDisk(@TempDir Path dir) throws IOException {
		WavFiles wavFiles = new WavFiles();
		Path music = dir.resolve("music.wav");
		Files.write(music, bytes(wav(8000, 1, new short[] { 1, 2, 3 })));
		Files.setLastModifiedTime(music, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));

		byte[] encoded = wavFiles.encoded(music, Codec.PCMA);
		assertThat(wavFiles.encoded(dir.resolve("./music.wav"), Codec.PCMA)).isSameAs(encoded)
			.containsExactly(ALaw.encode((short) 1), ALaw.encode((short) 2), ALaw.encode((short) 3));
		assertThat(wavFiles.encoded(music, Codec.PCMU)).containsExactly(MuLaw.encode((short) 1),
				MuLaw.encode((short) 2), MuLaw.encode((short) 3));

		Files.write(music, bytes(wav(8000, 1, new short[] { 4, 5 })));
		Files.setLastModifiedTime(music, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
		assertThat(wavFiles.encoded(music, Codec.PCMA)).containsExactly(ALaw.encode((short) 4), ALaw.encode((short) 5));
	}

	@Test
	void refusesAMissingPromptAsNotFound(@TempDir Path dir) {
		assertThatThrownBy(() -> new WavFiles().encoded(dir.resolve("gone.wav"), Codec.PCMU)).isInstanceOf(NotFound.class);
	}

	@Test
	void readsAn8KilohertzMonoWav() {
		short[] samples = WavFiles.parse(wav(8000, 1, new short[] { 1, -2, 300 }), Path.of("hello.wav"));

		assertThat(samples).containsExactly(1, -2, 300);
	}

	@Test
	void refusesAWavItWouldHaveToResample() {
		assertThatThrownBy(() -> WavFiles.parse(wav(44100, 2, new short[4]), Path.of("music.wav")))
			.isInstanceOf(InvalidInput.class)
			.hasMessage("Prompt music.wav must be 8 kHz mono 16-bit PCM");
	}

	private static char receive(TelephoneEvents events, long timestamp, int event, boolean end, int duration) {
		ByteBuffer packet = ByteBuffer.allocate(16);
		RtpHeader.write(packet, 101, false, 7984, timestamp, 42);
		packet.put((byte) event).put((byte) ((end ? 0x80 : 0) | 10)).putShort((short) duration).flip();
		return events.received(RtpHeader.read(packet), packet);
	}

	private static void append(StringBuilder keys, char key) {
		if (key != 0) {
			keys.append(key);
		}
	}

	private static byte[] bytes(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return bytes;
	}

	private static ByteBuffer wav(int rate, int channels, short[] samples) {
		ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes()).putInt(36 + 2 * samples.length).put("WAVE".getBytes());
		wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
			.putInt(rate * 2 * channels).putShort((short) (2 * channels)).putShort((short) 16);
		wav.put("data".getBytes()).putInt(2 * samples.length);
		for (short sample : samples) {
			wav.putShort(sample);
		}
		return wav.flip();
	}

	/** The frame the player sends next, or null when nothing plays. */
	private static Player player(Codec codec) {
		return new Player(codec.encode((short) 0));
	}

	private static byte[] frame(Player player) {
		java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(Player.FRAME);
		return player.fill(out) ? out.array() : null;
	}
}
