package org.tandem.security.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.tandem.security.Role;
import org.tandem.security.UserAccount;

/** A user row with what never leaves this package: the password hash, the TOTP secret and the lockout counters. */
record StoredUser(UUID id, String username, String passwordHash, Set<Role> roles, UUID staffId, boolean enabled,
		String totpSecret, boolean totpConfirmed, long totpLastStep, int failedLogins, Instant firstFailureAt,
		Instant lockedUntil, Instant createdAt) {

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	boolean has(Role role) {
		return roles.contains(role);
	}

	UserAccount account(Instant now) {
		return new UserAccount(id, username, roles, staffId, enabled, totpConfirmed, lockedAt(now) ? lockedUntil : null,
				createdAt);
	}
}
