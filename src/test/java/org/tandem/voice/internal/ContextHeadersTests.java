package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ContextHeadersTests {

	@Test
	void namesEachKeyAsAnXTandemHeaderOfTokenCharacters() {
		assertThat(ContextHeaders.name("contact")).isEqualTo("X-Tandem-Contact");
		assertThat(ContextHeaders.name("client name")).isEqualTo("X-Tandem-Client-Name");
		assertThat(ContextHeaders.name("choices: 1/2")).isEqualTo("X-Tandem-Choices-1-2");
		assertThat(ContextHeaders.name("X-Tandem-Contact")).isEqualTo("X-Tandem-Contact");
		assertThat(ContextHeaders.name("Via\r\nTo")).isEqualTo("X-Tandem-Via-To");
	}

	@Test
	void dropsKeysThatLeaveNoName() {
		Map<String, String> context = new LinkedHashMap<>();
		context.put(": \r\n", "x");
		context.put("é", "y");
		context.put("contact", "contact-42");

		assertThat(ContextHeaders.of(context)).containsExactly(Map.entry("X-Tandem-Contact", "contact-42"));
	}

	@Test
	void valuesCannotEndTheirHeaderOrStartAnother() {
		assertThat(ContextHeaders.value("Dana\r\nVia: SIP/2.0/UDP evil")).isEqualTo("Dana Via: SIP/2.0/UDP evil");
		assertThat(ContextHeaders.value("a\u0000b\tc\u2028d  e ")).isEqualTo("a b c d e");
		assertThat(ContextHeaders.value(null)).isEmpty();
	}

	@Test
	void keepsNamesInOtherScriptsButCapsTheLength() {
		assertThat(ContextHeaders.value("José Ñúñez")).isEqualTo("José Ñúñez");
		assertThat(ContextHeaders.value("x".repeat(500))).hasSize(ContextHeaders.MAX_VALUE_LENGTH);
		String emoji = "x".repeat(ContextHeaders.MAX_VALUE_LENGTH - 1) + "\uD83D\uDE00";
		assertThat(ContextHeaders.value(emoji)).hasSize(ContextHeaders.MAX_VALUE_LENGTH - 1);
	}
}
