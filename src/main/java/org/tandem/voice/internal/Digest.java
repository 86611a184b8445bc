package org.tandem.voice.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** HTTP digest with MD5 as SIP uses it (RFC 3261 §22.4, RFC 2617 §3.2.2). */
final class Digest {

	private Digest() {
	}

	static String ha1(String user, String realm, String password) {
		return md5(user + ":" + realm + ":" + password);
	}

	/**
	 * The response a client must send. With qop=auth the nonce count and client nonce are mixed in
	 * (RFC 2617 §3.2.2.1); without qop it is the older RFC 2069 form.
	 */
	static String response(String ha1, String nonce, String method, String uri, String qop, String nonceCount,
			String clientNonce) {
		String ha2 = md5(method + ":" + uri);
		if (qop == null) {
			return md5(ha1 + ":" + nonce + ":" + ha2);
		}
		return md5(ha1 + ":" + nonce + ":" + nonceCount + ":" + clientNonce + ":" + qop + ":" + ha2);
	}

	static String md5(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has MD5", e);
		}
	}
}
