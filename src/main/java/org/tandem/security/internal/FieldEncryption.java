package org.tandem.security.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.tandem.platform.DatabaseProperties;
import org.tandem.security.SecurityProperties;

/**
 * Encrypts sensitive fields at rest (45 CFR 164.312(a)(2)(iv)) with AES-256-GCM: a random 96-bit nonce per value
 * (NIST SP 800-38D §8.2.2), and the field's context (which column of which row) as associated data, so that a value
 * copied into another row does not decrypt there. Stored as {@code v1:} and the base64 of nonce, ciphertext and tag;
 * the version lets the format or the key change later while older values still read.
 */
@Component
class FieldEncryption {

	static final String VERSION = "v1:";

	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final SecretKey key;
	private final SecureRandom random = new SecureRandom();

	@Autowired
	FieldEncryption(SecurityProperties security, DatabaseProperties database) {
		this(security.secretKey() != null ? security.secretKeyBytes()
				: SecretKeyFile.readOrCreate(SecretKeyFile.besideDataDir(database.dataDir())));
	}

	FieldEncryption(byte[] key) {
		if (key.length != SecurityProperties.SECRET_KEY_BYTES) {
			throw new IllegalStateException("an AES-256 key is " + SecurityProperties.SECRET_KEY_BYTES + " bytes");
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	static boolean encrypted(String stored) {
		return stored != null && stored.startsWith(VERSION);
	}

	String encrypt(String plain, String context) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
				.put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES/GCM is part of every Java runtime", e);
		}
	}

	String decrypt(String stored, String context) {
		if (!encrypted(stored)) {
			throw new UnreadableSecret("the stored value is not in a format this version of Tandem reads", null);
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
			if (bytes.length <= NONCE_BYTES) {
				throw new UnreadableSecret("the stored value is cut short", null);
			}
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), context);
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException e) {
			throw new UnreadableSecret("it does not decrypt with the configured key (tandem.security.secret-key or "
					+ SecretKeyFile.NAME + " changed or was lost, or the value was altered)", e);
		}
		catch (IllegalArgumentException e) {
			throw new UnreadableSecret("the stored value is not valid base64", e);
		}
		catch (GeneralSecurityException e) {
			throw new UnreadableSecret("it does not decrypt: " + e.getMessage(), e);
		}
	}

	private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}
}
