package org.tandem.wallboard.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret in a wall display's link: 256 random bits, URL-safe base64 without padding (43 characters). Only
 * its SHA-256 is stored, so the table read by someone else opens no screen; a token that cannot be one is
 * refused before the database is asked.
 */
record DisplayToken(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

	DisplayToken {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("a display token is 43 URL-safe base64 characters");
		}
	}

	static DisplayToken generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new DisplayToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	static Optional<DisplayToken> parse(String value) {
		return value != null && SHAPE.matcher(value).matches() ? Optional.of(new DisplayToken(value)) : Optional.empty();
	}

	/** Lower-case hex, as stored. */
	String hash() {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	/** Never the secret itself, should a token end up in a log line. */
	@Override
	public String toString() {
		return "DisplayToken[…]";
	}
}
