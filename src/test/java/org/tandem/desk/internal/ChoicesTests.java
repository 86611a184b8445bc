package org.tandem.desk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ChoicesTests {

	@Test
	void namesWhatTheCallerChoseInWords() {
		var choices = Choices.of(Map.of("language", "es", "main-menu", "1", "zip", "60614", "callbackNumber", "+13125550142"));

		assertThat(choices).containsExactly(new Card.Choice("Number to call back", "(312) 555-0142"),
				new Card.Choice("Language", "Spanish"), new Card.Choice("Main menu", "1"),
				new Card.Choice("ZIP code", "60614"));
	}

	@Test
	void leavesOutTheVoicemailFileButKeepsItsLength() {
		var choices = Choices.of(Map.of("recording", "recordings/voicemail-0142.wav", "recordingSeconds", "42"));

		assertThat(choices).containsExactly(new Card.Choice("Voicemail length", "42 s"));
	}

	@Test
	void showsAValueItCannotReadAsItCame() {
		assertThat(Choices.of(Map.of("language", "klingon"))).containsExactly(new Card.Choice("Language", "klingon"));
	}
}
