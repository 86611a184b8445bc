package org.tandem.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminUser name of the bootstrap administrator
 * @param adminPassword their password ({@code TANDEM_ADMIN_PASSWORD}). When set, the administrator is created
 * (or has this password again) at every start. When unset and nobody can sign in yet, Tandem logs a one-time
 * setup token instead: there is never a default password
 * @param requireAdminTotp an administrator must enrol a TOTP authenticator before doing anything in the browser
 * @param lockout how many failed sign-ins lock an account, and for how long
 * @param idleLogoff how long a page with an event stream (desk, wallboard) may go without a key or a click
 * before it signs its user out; unset, the session's idle timeout ({@link IdleLogoff})
 */
@ConfigurationProperties("tandem.security")
public record SecurityProperties(@DefaultValue("admin") String adminUser, String adminPassword,
		@DefaultValue("true") boolean requireAdminTotp, @DefaultValue Lockout lockout, Duration idleLogoff) {

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
