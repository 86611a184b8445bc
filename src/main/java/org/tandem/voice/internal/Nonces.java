package org.tandem.voice.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Digest nonces that carry their own issue time and a MAC over it (RFC 2617 §3.2.1 suggests this
 * form), so any copy of Tandem can check them without remembering what it issued.
 */
final class Nonces {

	private static final Duration LIFETIME = Duration.ofMinutes(5);

	private final SecretKeySpec key;

	private final Clock clock;

	Nonces(Clock clock) {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.clock = clock;
	}

	String issue() {
		String issued = Long.toHexString(clock.millis());
		return issued + "." + mac(issued);
	}

	/** False for a nonce we did not make, and for one older than five minutes (the phone is re-challenged). */
	boolean isValid(String nonce) {
		int dot = nonce == null ? -1 : nonce.indexOf('.');
		if (dot < 1) {
			return false;
		}
		String issued = nonce.substring(0, dot);
		if (!MessageDigest.isEqual(mac(issued).getBytes(StandardCharsets.US_ASCII),
				nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
			return false;
		}
		try {
			return clock.millis() - Long.parseLong(issued, 16) < LIFETIME.toMillis();
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

	private String mac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
		}
	}
}
