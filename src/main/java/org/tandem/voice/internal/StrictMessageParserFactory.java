package org.tandem.voice.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/**
 * JAIN-SIP's parser, made to notice two kinds of invalid request it lets through, so that the stack refuses
 * them itself: 400 for a parse error, 505 for a version other than SIP/2.0. The stack instantiates it by
 * name, so it must be public with a public constructor.
 */
public final class StrictMessageParserFactory implements MessageParserFactory {

	private static final MessageParser parser = new StrictParser();

	@Override
	public MessageParser createMessageParser(SIPTransactionStack stack) {
		return parser;
	}

	/** Stateless, like the parser it extends: every thread of the stack shares one. */
	private static final class StrictParser extends StringMsgParser {

		/** RFC 3261 §7.3.1: these appear once; compact forms (§7.3.3) are the same fields. */
		private static final Set<String> SINGLE = Set.of("call-id", "from", "to", "cseq", "max-forwards",
				"content-length");

		private static final Map<String, String> COMPACT = Map.of("i", "call-id", "f", "from", "t", "to", "l",
				"content-length");

		/**
		 * RFC 4475 §3.1.2.16: the stack reads any version as SIP/2.0. Keeping the one the request names lets
		 * its own check answer 505 (RFC 3261 §21.5.6).
		 */
		@Override
		protected SIPMessage processFirstLine(String firstLine, ParseExceptionListener listener, byte[] message)
				throws ParseException {
			SIPMessage parsed = super.processFirstLine(firstLine, listener, message);
			String[] parts = firstLine.trim().split("\\s+");
			String version = parts[parts.length - 1];
			if (parsed instanceof SIPRequest request
					&& !version.equalsIgnoreCase(request.getRequestLine().getSipVersion())) {
				request.getRequestLine().setSipVersion(version);
			}
			return parsed;
		}

		/**
		 * RFC 4475 §3.3.8 and §3.3.9: a second Call-ID, From, To, CSeq, Max-Forwards or Content-Length makes
		 * the message invalid. The stack would keep one of them silently and take up a call on a guess.
		 */
		@Override
		public SIPMessage parseSIPMessage(byte[] message, boolean readBody, boolean strict,
				ParseExceptionListener listener) throws ParseException {
			if (message != null) {
				String repeated = repeatedField(new String(message, StandardCharsets.ISO_8859_1));
				if (repeated != null) {
					throw new ParseException("More than one " + repeated + " header", 0);
				}
			}
			return super.parseSIPMessage(message, readBody, strict, listener);
		}

		private static String repeatedField(String message) {
			String[] lines = message.split("\\r?\\n\\r?\\n", 2)[0].strip().split("\\r?\\n");
			Set<String> seen = new HashSet<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon < 0 || lines[i].startsWith(" ") || lines[i].startsWith("\t")) {
					continue;
				}
				String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
				name = COMPACT.getOrDefault(name, name);
				if (SINGLE.contains(name) && !seen.add(name)) {
					return name;
				}
			}
			return null;
		}
	}
}
