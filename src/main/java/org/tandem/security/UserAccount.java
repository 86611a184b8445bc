package org.tandem.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A person who signs in to Tandem, as other modules and the API see them (never the password hash or
 * the second-factor secret).
 *
 * @param staffId the directory staff member this user is, or null for a pure administrator
 * @param secondFactor whether a TOTP authenticator is enrolled and confirmed
 * @param lockedUntil set while too many failed sign-ins keep the account locked
 */
public record UserAccount(UUID id, String username, Set<Role> roles, UUID staffId, boolean enabled,
		boolean secondFactor, Instant lockedUntil, Instant createdAt) {
}
