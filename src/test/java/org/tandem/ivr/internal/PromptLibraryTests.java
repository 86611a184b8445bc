package org.tandem.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.tandem.core.InvalidInput;
import org.tandem.ivr.FlowNode;
import org.tandem.ivr.IvrFixtures;

class PromptLibraryTests {

	/** A WAV file of silence, with a LIST chunk before the audio as editors write them. */
	static byte[] wav(int format, int channels, int rate, int bits, double seconds) {
		int data = (int) (rate * channels * bits / 8 * seconds);
		byte[] list = "INFOISFT".getBytes(StandardCharsets.US_ASCII);
		var buffer = ByteBuffer.allocate(12 + 8 + 16 + 8 + list.length + 8 + data).order(ByteOrder.LITTLE_ENDIAN);
		buffer.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(buffer.capacity() - 8)
			.put("WAVE".getBytes(StandardCharsets.US_ASCII));
		buffer.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) format)
			.putShort((short) channels).putInt(rate).putInt(rate * channels * bits / 8)
			.putShort((short) (channels * bits / 8)).putShort((short) bits);
		buffer.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(list.length).put(list);
		buffer.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
		return buffer.array();
	}

	static void assertRefused(byte[] audio, String message) {
		assertThatThrownBy(() -> PromptLibrary.check(audio)).isInstanceOf(InvalidInput.class)
			.hasFieldOrPropertyWithValue("field", "audio")
			.hasMessageContaining(message);
	}

	@Test
	void acceptsEightKilohertzMonoPcmAndG711() {
		assertThat(PromptLibrary.check(wav(WaveFile.PCM, 1, 8000, 16, 2.5)).length()).isEqualTo(Duration.ofMillis(2500));
		assertThat(PromptLibrary.check(wav(WaveFile.MU_LAW, 1, 8000, 8, 1)).length()).isEqualTo(Duration.ofSeconds(1));
		assertThat(PromptLibrary.check(wav(WaveFile.A_LAW, 1, 8000, 8, 120)).length()).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void shipsAPlayableRecordingOfEveryDefaultPromptInEveryLanguage() throws IOException {
		for (String language : FlowNode.LanguageChoice.LANGUAGES) {
			for (String id : IvrFixtures.promptTexts(language).stringPropertyNames()) {
				try (var in = getClass().getResourceAsStream("/ivr/prompts/" + language + "/" + id + ".wav")) {
					assertThat(in).as("%s/%s.wav: run scripts/generate-prompts.sh", language, id).isNotNull();
					assertThat(PromptLibrary.check(in.readAllBytes()).length()).isPositive();
				}
			}
		}
	}

	@Test
	void refusesWhatIsNotAWavFile() {
		assertRefused("ID3 an mp3 file".getBytes(StandardCharsets.US_ASCII), "not a WAV file");
		assertRefused(new byte[0], "required");
	}

	@Test
	void refusesAudioThatWouldNeedConverting() {
		assertRefused(wav(WaveFile.PCM, 1, 44100, 16, 1), "8 kHz");
		assertRefused(wav(WaveFile.PCM, 2, 8000, 16, 1), "mono");
		assertRefused(wav(WaveFile.PCM, 1, 8000, 8, 1), "16-bit PCM or G.711");
		assertRefused(wav(3, 1, 8000, 32, 1), "16-bit PCM or G.711");
	}

	@Test
	void refusesAPromptLongerThanTwoMinutes() {
		assertRefused(wav(WaveFile.PCM, 1, 8000, 16, 121), "120 s at most");
	}
}
