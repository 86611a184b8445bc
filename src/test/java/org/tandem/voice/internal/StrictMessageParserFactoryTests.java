package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.text.ParseException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;

class StrictMessageParserFactoryTests {

	private final MessageParser parser = new StrictMessageParserFactory().createMessageParser(null);

	@ParameterizedTest
	@ValueSource(strings = { "wsinv", "intmeth", "longreq", "dblreq", "transports", "mpart01", "inv2543" })
	void parsesValidTortuousRequestsAsBefore(String name) throws Exception {
		SIPMessage message = parser.parseSIPMessage(rfc4475(name), true, false, null);

		assertThat(message).isInstanceOf(SIPRequest.class);
		assertThat(((SIPRequest) message).getRequestLine().getSipVersion()).isEqualTo("SIP/2.0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "multi01", "mcl01" })
	void refusesASecondValueOfAFieldThatAppearsOnce(String name) {
		assertThatThrownBy(() -> parser.parseSIPMessage(rfc4475(name), true, false, null))
			.isInstanceOf(ParseException.class).hasMessageStartingWith("More than one");
	}

	@Test
	void keepsTheVersionTheRequestNames() throws Exception {
		SIPRequest request = (SIPRequest) parser.parseSIPMessage(rfc4475("badvers"), true, false, null);

		assertThat(request.getRequestLine().getSipVersion()).isEqualTo("SIP/7.0");
	}

	private static byte[] rfc4475(String name) throws IOException {
		return StrictMessageParserFactoryTests.class.getResourceAsStream("/sip/rfc4475/" + name + ".dat")
			.readAllBytes();
	}
}
