package org.tandem.voice.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.sip.header.AuthorizationHeader;

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

	/** Whether a phone's or carrier's Authorization answers the challenge for the user with this HA1. */
	static boolean answers(AuthorizationHeader authorization, String ha1, String method) {
		// JAIN-SIP parses nc as a number; the digest is computed over its 8-hex-digit form (RFC 2617 §3.2.2).
		String nonceCount = String.format("%08x", authorization.getNonceCount());
		return response(ha1, authorization.getNonce(), method, authorization.getURI().toString(),
				authorization.getQop(), nonceCount, authorization.getCNonce()).equalsIgnoreCase(authorization.getResponse());
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
