package org.tandem.security;

import java.util.Set;
import java.util.UUID;

/** What it takes to create a user; the password is hashed at once and never stored or logged as given. */
public record NewUser(String username, String password, Set<Role> roles, UUID staffId) {
}
