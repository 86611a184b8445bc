package org.tandem.security.internal;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The TOTP secret column as this module reads and writes it: encrypted, bound to its user's row. */
@Component
class TotpSecrets {

	private static final Logger log = LoggerFactory.getLogger(TotpSecrets.class);

	private final FieldEncryption encryption;

	TotpSecrets(FieldEncryption encryption) {
		this.encryption = encryption;
	}

	String encrypt(UUID userId, String base32) {
		return encryption.encrypt(base32, context(userId));
	}

	/** The base32 secret; an unreadable one is logged with its cause here, so every caller only has to refuse. */
	String base32(StoredUser user) {
		try {
			return encryption.decrypt(user.totpSecret(), context(user.id()));
		}
		catch (UnreadableSecret e) {
			log.error("The TOTP secret of user '{}' cannot be read: {}. Their authenticator sign-in fails until the key "
					+ "is restored or an administrator removes their authenticator so that they enrol again",
					user.username(), e.getMessage());
			throw e;
		}
	}

	byte[] key(StoredUser user) {
		return Base32.decode(base32(user));
	}

	boolean readable(StoredUser user) {
		try {
			encryption.decrypt(user.totpSecret(), context(user.id()));
			return true;
		}
		catch (UnreadableSecret e) {
			return false;
		}
	}

	private static String context(UUID userId) {
		return "users.totp_secret:" + userId;
	}
}
