package org.tandem.security.internal;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.tandem.security.SecurityProperties;
import org.tandem.security.internal.SecondFactorRefused.Reason;

/**
 * The second factor on the API, asked of the same users as in the browser: whoever enrolled an authenticator,
 * and administrators when they must have one. A missing or wrong code counts towards the lockout like a wrong
 * password; both are audited.
 */
@Component
class ApiSecondFactor {

	private static final SimpleGrantedAuthority ADMIN = new SimpleGrantedAuthority("ROLE_ADMIN");

	private final Users users;
	private final UserManagement management;
	private final LoginAttempts attempts;
	private final SecurityProperties properties;

	ApiSecondFactor(Users users, UserManagement management, LoginAttempts attempts, SecurityProperties properties) {
		this.users = users;
		this.management = management;
		this.attempts = attempts;
		this.properties = properties;
	}

	/**
	 * After the right password: returns when no code is needed or {@code code} is right (and spends it).
	 *
	 * @throws SecondFactorRefused otherwise
	 */
	void check(SignedInUser principal, String code, String address) {
		String username = principal.getUsername();
		if (!principal.secondFactor()) {
			if (properties.requireAdminTotp() && principal.getAuthorities().contains(ADMIN)) {
				throw refused(username, address, Reason.NOT_ENROLLED);
			}
			return;
		}
		if (code == null) {
			throw failed(username, address, Reason.MISSING);
		}
		StoredUser user = users.find(principal.userId()).orElseThrow(() -> failed(username, address, Reason.WRONG));
		boolean accepted;
		try {
			accepted = management.checkSecondFactor(user, code);
		}
		catch (UnreadableSecret e) {
			throw refused(username, address, Reason.UNREADABLE);
		}
		if (!accepted) {
			throw failed(username, address, Reason.WRONG);
		}
	}

	private SecondFactorRefused failed(String username, String address, Reason reason) {
		attempts.failed(username, address, reason.auditReason());
		return new SecondFactorRefused(reason);
	}

	private SecondFactorRefused refused(String username, String address, Reason reason) {
		attempts.refused(username, address, reason.auditReason());
		return new SecondFactorRefused(reason);
	}
}
