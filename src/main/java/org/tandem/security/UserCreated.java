package org.tandem.security;

import java.util.Set;
import java.util.UUID;

/** A user account was created (by an administrator, the first-start setup or the demo). */
public record UserCreated(UUID userId, String username, Set<Role> roles, UUID staffId) {
}
