package org.tandem.voice.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A ring's context as {@code X-Tandem-*} headers. Names and values come from other modules and, through
 * them, from callers and staff, so they are made safe for the wire: a CR or LF in a value would let it
 * end the header and forge others (RFC 3261 §25.1: header values are TEXT-UTF8 without controls), and a
 * phone shows a line of text, not a page.
 */
final class ContextHeaders {

	static final String PREFIX = "X-Tandem-";

	/** Long enough for a name and what a caller chose; short enough that the INVITE stays well inside a UDP datagram. */
	static final int MAX_VALUE_LENGTH = 200;

	private static final int MAX_HEADERS = 20;

	private ContextHeaders() {
	}

	/** Header names and values in the context's order; entries that leave no name behind are dropped. */
	static Map<String, String> of(Map<String, String> context) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (context == null) {
			return headers;
		}
		for (Map.Entry<String, String> entry : context.entrySet()) {
			String name = name(entry.getKey());
			if (name != null && headers.size() < MAX_HEADERS) {
				headers.put(name, value(entry.getValue()));
			}
		}
		return headers;
	}

	/**
	 * {@code contact id} becomes {@code X-Tandem-Contact-Id}: RFC 3261 §25.1 token characters only, words
	 * capitalised, as phones display header names.
	 */
	static String name(String key) {
		if (key == null) {
			return null;
		}
		StringBuilder name = new StringBuilder();
		boolean wordStart = true;
		for (char c : key.toCharArray()) {
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
				name.append(wordStart ? Character.toUpperCase(c) : c);
				wordStart = false;
			}
			else if (name.length() > 0 && !wordStart) {
				name.append('-');
				wordStart = true;
			}
		}
		if (name.length() > 0 && name.charAt(name.length() - 1) == '-') {
			name.setLength(name.length() - 1);
		}
		if (name.isEmpty()) {
			return null;
		}
		String header = name.length() > 40 ? name.substring(0, 40) : name.toString();
		return header.toLowerCase(Locale.ROOT).startsWith("x-tandem-") ? header : PREFIX + header;
	}

	/** Control characters become spaces, runs of space one space; at most {@link #MAX_VALUE_LENGTH} characters. */
	static String value(String raw) {
		if (raw == null) {
			return "";
		}
		StringBuilder value = new StringBuilder();
		raw.codePoints().forEach(c -> {
			boolean space = Character.isISOControl(c) || Character.isWhitespace(c) || c == 0x2028 || c == 0x2029;
			if (!space) {
				value.appendCodePoint(c);
			}
			else if (value.length() > 0 && value.charAt(value.length() - 1) != ' ') {
				value.append(' ');
			}
		});
		String trimmed = value.toString().strip();
		if (trimmed.length() <= MAX_VALUE_LENGTH) {
			return trimmed;
		}
		int end = MAX_VALUE_LENGTH;
		// Never cut a character in two.
		if (Character.isHighSurrogate(trimmed.charAt(end - 1))) {
			end--;
		}
		return trimmed.substring(0, end);
	}
}
