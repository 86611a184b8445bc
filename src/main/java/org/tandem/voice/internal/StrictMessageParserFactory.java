package org.tandem.voice.internal;

import java.text.ParseException;
import java.util.regex.Pattern;

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

		private static final Pattern SPACES = Pattern.compile("\\s+");

		/**
		 * RFC 3261 §7.3.1: these appear once, each under its long name and, for some, its compact form (§7.3.3),
		 * in lower case.
		 */
		private static final String[][] SINGLE = { { "call-id", "i" }, { "from", "f" }, { "to", "t" }, { "cseq" },
				{ "max-forwards" }, { "content-length", "l" } };

		/**
		 * RFC 4475 §3.1.2.16: the stack reads any version as SIP/2.0. Keeping the one the request names lets
		 * its own check answer 505 (RFC 3261 §21.5.6).
		 */
		@Override
		protected SIPMessage processFirstLine(String firstLine, ParseExceptionListener listener, byte[] message)
				throws ParseException {
			SIPMessage parsed = super.processFirstLine(firstLine, listener, message);
			String[] parts = SPACES.split(firstLine.trim());
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
				String repeated = repeatedField(message);
				if (repeated != null) {
					throw new ParseException("More than one " + repeated + " header", 0);
				}
			}
			return super.parseSIPMessage(message, readBody, strict, listener);
		}

		/**
		 * Reads the header's field names where they lie, line by line up to the empty line, since every message
		 * the stack receives comes through here: no copy of the message, no strings but the answer.
		 */
		private static String repeatedField(byte[] message) {
			int seen = 0;
			int at = 0;
			while (at < message.length && (message[at] == '\r' || message[at] == '\n')) {
				at++;
			}
			at = nextLine(message, at);
			while (at < message.length) {
				int end = lineEnd(message, at);
				if (end == at) {
					return null;
				}
				int field = field(message, at, end);
				if (field >= 0) {
					if ((seen & 1 << field) != 0) {
						return SINGLE[field][0];
					}
					seen |= 1 << field;
				}
				at = nextLine(message, end);
			}
			return null;
		}

		/**
		 * Which of {@link #SINGLE} the line from {@code start} to {@code end} is, or -1: none for a folded line,
		 * whose white space at the start is part of no name.
		 */
		private static int field(byte[] message, int start, int end) {
			int colon = start;
			while (colon < end && message[colon] != ':') {
				colon++;
			}
			if (colon == end) {
				return -1;
			}
			int nameEnd = colon;
			while (nameEnd > start && (message[nameEnd - 1] == ' ' || message[nameEnd - 1] == '\t')) {
				nameEnd--;
			}
			for (int field = 0; field < SINGLE.length; field++) {
				for (String name : SINGLE[field]) {
					if (named(message, start, nameEnd, name)) {
						return field;
					}
				}
			}
			return -1;
		}

		private static boolean named(byte[] message, int start, int end, String name) {
			if (end - start != name.length()) {
				return false;
			}
			for (int i = 0; i < name.length(); i++) {
				if (Character.toLowerCase((char) (message[start + i] & 0xff)) != name.charAt(i)) {
					return false;
				}
			}
			return true;
		}

		/** Where the line from {@code start} ends, before its CRLF or LF. */
		private static int lineEnd(byte[] message, int start) {
			int end = start;
			while (end < message.length && message[end] != '\r' && message[end] != '\n') {
				end++;
			}
			return end;
		}

		/** Where the line after the one from {@code at} starts. */
		private static int nextLine(byte[] message, int at) {
			int end = lineEnd(message, at);
			if (end < message.length && message[end] == '\r') {
				end++;
			}
			return end < message.length && message[end] == '\n' ? end + 1 : end;
		}
	}
}
