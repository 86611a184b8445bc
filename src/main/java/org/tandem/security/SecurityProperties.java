package org.tandem.security;

import java.time.Duration;
import java.util.Base64;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminUser name of the bootstrap administrator
 * @param adminPassword their password ({@code TANDEM_ADMIN_PASSWORD}). When set, the administrator is created
 * (or has this password again) at every start. When unset and nobody can sign in yet, Tandem logs a one-time
 * setup token instead: there is never a default password
 * @param requireAdminTotp an administrator must enrol a TOTP authenticator before doing anything in the browser,
 * and send its code with every API request
 * @param secretKey the AES-256 key that encrypts TOTP secrets at rest, base64 of 32 bytes ({@code TANDEM_SECRET_KEY});
 * when unset, Tandem keeps a key of its own in {@code secret.key} beside the database's data directory
 * @param lockout how many failed sign-ins lock an account, and for how long
 * @param idleLogoff how long a page with an event stream (desk, wallboard) may go without a key or a click
 * before it signs its user out; unset, the session's idle timeout ({@link IdleLogoff})
 */
@ConfigurationProperties("tandem.security")
public record SecurityProperties(@DefaultValue("admin") String adminUser, String adminPassword,
		@DefaultValue("true") boolean requireAdminTotp, String secretKey, @DefaultValue Lockout lockout,
		Duration idleLogoff) {

	/** Bytes of an AES-256 key. */
	public static final int SECRET_KEY_BYTES = 32;

	public SecurityProperties {
		if (adminUser == null || !adminUser.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
			throw new IllegalStateException(
					"tandem.security.admin-user (TANDEM_ADMIN_USER) must be 2-64 lower-case letters, digits, '.', '_' or '-'");
		}
		if (adminPassword != null && adminPassword.isEmpty()) {
			adminPassword = null;
		}
		if (adminPassword != null && adminPassword.length() < 8) {
			throw new IllegalStateException(
					"tandem.security.admin-password (TANDEM_ADMIN_PASSWORD) must be at least 8 characters, or unset to use the setup token");
		}
		if (secretKey != null && secretKey.isBlank()) {
			secretKey = null;
		}
		if (secretKey != null && !isKey(secretKey)) {
			throw new IllegalStateException("tandem.security.secret-key (TANDEM_SECRET_KEY) must be the base64 of "
					+ SECRET_KEY_BYTES + " random bytes (for example the output of 'openssl rand -base64 32'), "
					+ "or unset to keep a key file beside the data directory");
		}
	}

	/** The key as bytes, or null when Tandem keeps its own key file. */
	public byte[] secretKeyBytes() {
		return secretKey == null ? null : Base64.getDecoder().decode(secretKey.strip());
	}

	/** Never prints the password or the key, so that logging the settings leaks neither. */
	@Override
	public String toString() {
		return "SecurityProperties[adminUser=" + adminUser + ", adminPassword=" + (adminPassword == null ? "unset" : "set")
				+ ", requireAdminTotp=" + requireAdminTotp + ", secretKey=" + (secretKey == null ? "unset" : "set")
				+ ", lockout=" + lockout + ", idleLogoff=" + idleLogoff + "]";
	}

	private static boolean isKey(String base64) {
		try {
			return Base64.getDecoder().decode(base64.strip()).length == SECRET_KEY_BYTES;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	/**
	 * @param maxFailures failed sign-ins of one user within {@code window} that lock the account
	 * @param window how far back failures count
	 * @param duration how long a locked account refuses every sign-in
	 * @param maxFailuresPerAddress failed sign-ins from one source address within {@code window} after which that
	 * address is refused for the rest of the window, whatever name it tries (guessing across many accounts)
	 */
	public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration duration, @DefaultValue("50") int maxFailuresPerAddress) {

		public Lockout {
			if (maxFailures < 1) {
				throw new IllegalStateException("tandem.security.lockout.max-failures must be at least 1");
			}
			if (maxFailuresPerAddress < maxFailures) {
				throw new IllegalStateException(
						"tandem.security.lockout.max-failures-per-address must be at least tandem.security.lockout.max-failures");
			}
			if (window.isNegative() || window.isZero() || duration.isNegative() || duration.isZero()) {
				throw new IllegalStateException("tandem.security.lockout.window and .duration must be positive");
			}
		}
	}
}
