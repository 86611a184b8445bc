package org.tandem.security.internal;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.security.Audit.Outcome;

/**
 * At start, before Tandem takes requests: encrypts TOTP secrets still stored in plain text (from before secrets
 * were encrypted), once each, and says in the log if stored secrets do not decrypt with the configured key.
 * Here rather than in a migration, because only the running application knows the key.
 */
@Component
class TotpSecretsAtRest implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(TotpSecretsAtRest.class);

	private final Users users;
	private final TotpSecrets secrets;
	private final AuditLog audit;
	private final TransactionTemplate transactions;

	TotpSecretsAtRest(Users users, TotpSecrets secrets, AuditLog audit, TransactionTemplate transactions) {
		this.users = users;
		this.secrets = secrets;
		this.audit = audit;
		this.transactions = transactions;
	}

	@Override
	public void afterSingletonsInstantiated() {
		int encrypted = encryptPlainSecrets();
		if (encrypted > 0) {
			log.info("Encrypted the stored TOTP secrets of {} users", encrypted);
		}
		long unreadable = users.withTotpSecret().stream()
			.filter(user -> FieldEncryption.encrypted(user.totpSecret()) && !secrets.readable(user))
			.count();
		if (unreadable > 0) {
			log.error("{} stored TOTP secrets do not decrypt with the configured key (tandem.security.secret-key, or the "
					+ "{} file beside the data directory): was the key changed or lost? Those users cannot sign in with "
					+ "their authenticator until the key is restored or an administrator removes their authenticator",
					unreadable, SecretKeyFile.NAME);
		}
	}

	/** The number of secrets encrypted now; a secret another node encrypted meanwhile is left as that node wrote it. */
	int encryptPlainSecrets() {
		int count = 0;
		for (StoredUser user : users.withTotpSecret()) {
			if (FieldEncryption.encrypted(user.totpSecret())) {
				continue;
			}
			Boolean done = transactions.execute(transaction -> {
				boolean replaced = users.replaceTotpSecret(user.id(), user.totpSecret(),
						secrets.encrypt(user.id(), user.totpSecret()));
				if (replaced) {
					audit.append(AuditLog.SYSTEM, "user.totp.encrypt", "user", user.id().toString(), Outcome.SUCCESS,
							null, Map.of("username", user.username()));
				}
				return replaced;
			});
			count += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return count;
	}
}
