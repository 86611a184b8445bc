package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tandem.core.InvalidInput;

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
		Player player = new Player();
		short[] loud = new short[200];
		java.util.Arrays.fill(loud, (short) 8000);
		player.play(List.of(loud, new short[100]));

		byte[] first = player.nextFrame(Codec.PCMU);
		byte[] second = player.nextFrame(Codec.PCMU);

		assertThat(first).hasSize(160).containsOnly(MuLaw.encode((short) 8000));
		assertThat(second[39]).isEqualTo(MuLaw.encode((short) 8000));
		assertThat(second[40]).isEqualTo((byte) 0xFF);
		assertThat(player.nextFrame(Codec.PCMU)).isNull();
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
}
