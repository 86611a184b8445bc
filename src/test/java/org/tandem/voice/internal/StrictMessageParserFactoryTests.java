package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

	@ParameterizedTest
	@ValueSource(strings = { "i: b@host", "CALL-ID  :b@host", "f: <sip:c@host>;tag=2", "t: <sip:d@host>", "cseq: 2 OPTIONS",
			"MAX-FORWARDS\t: 69", "l: 0" })
	void aSecondValueCountsUnderEitherNameInAnyCaseAndSpacing(String field) {
		assertThatThrownBy(() -> parser.parseSIPMessage(options(field, "\r\n", ""), true, false, null))
			.isInstanceOf(ParseException.class).hasMessageStartingWith("More than one");
	}

	@Test
	void linesEndedByLineFeedsAloneAreReadTheSameWay() {
		assertThatThrownBy(() -> parser.parseSIPMessage(options("CSeq: 2 OPTIONS", "\n", ""), true, false, null))
			.isInstanceOf(ParseException.class).hasMessage("More than one cseq header");
	}

	@Test
	void aFieldNameInAFoldedLineOrInTheBodyIsNoSecondField() throws Exception {
		String folded = "Subject: lunch\r\n Call-ID: not-a-field";
		String body = "Call-ID: not-a-field-either\r\n";

		SIPMessage message = parser.parseSIPMessage(options(folded, "\r\n", body), true, false, null);

		assertThat(message.getCallId().getCallId()).isEqualTo("only@host");
	}

	@Test
	void theEmptyLinesAllowedBeforeTheFirstLineDoNotHideARepeatedField() {
		byte[] message = ("\r\n\r\n" + new String(options("To: <sip:b@host>", "\r\n", ""), StandardCharsets.US_ASCII))
			.getBytes(StandardCharsets.US_ASCII);

		assertThatThrownBy(() -> parser.parseSIPMessage(message, true, false, null)).isInstanceOf(ParseException.class)
			.hasMessage("More than one to header");
	}

	/** An OPTIONS request with every field once, then {@code extra}, ended by {@code eol}, then {@code body}. */
	private static byte[] options(String extra, String eol, String body) {
		String header = String.join(eol, "OPTIONS sip:tandem@127.0.0.1 SIP/2.0",
				"Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1", "Max-Forwards: 70", "From: <sip:a@host>;tag=1",
				"To: <sip:tandem@127.0.0.1>", "Call-ID: only@host", "CSeq: 1 OPTIONS") + eol;
		String rest = extra.replace("\r\n", eol) + eol + "Content-Length: " + body.length() + eol + eol + body;
		return (header + rest).getBytes(StandardCharsets.US_ASCII);
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
