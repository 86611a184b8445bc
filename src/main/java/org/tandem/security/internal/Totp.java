package org.tandem.security.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226): HMAC-SHA1, 30-second steps counted
 * from the Unix epoch, 6 digits. A code is accepted one step either side of now, to forgive a phone
 * clock that is a little off (RFC 6238 §5.2 recommends at most one step of drift).
 */
final class Totp {

	static final int STEP_SECONDS = 30;
	static final int DIGITS = 6;
	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	private Totp() {
	}

	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	/** HOTP (RFC 4226 §5.3): HMAC of the counter, dynamic truncation, the low {@code digits} decimal digits. */
	static String code(byte[] key, long step, int digits) {
		byte[] hash;
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
		}
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		String code = Integer.toString(binary % POWERS[digits]);
		return "0".repeat(digits - code.length()) + code;
	}

	/**
	 * The step whose code this is, if it is one of the steps around {@code now} and later than
	 * {@code lastUsedStep}: a code that already signed someone in is never accepted again (RFC 6238 §5.2).
	 */
	static OptionalLong matchingStep(byte[] key, String code, Instant now, long lastUsedStep) {
		if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		for (long step = current - 1; step <= current + 1; step++) {
			boolean equal = MessageDigest.isEqual(code(key, step, DIGITS).getBytes(), code.getBytes());
			if (equal && step > lastUsedStep) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}
}
