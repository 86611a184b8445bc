package org.tandem.security;

import java.time.Instant;

/** Too many failed sign-ins in a row: the account refuses every attempt until {@code until}. */
public record AccountLocked(String username, String sourceAddress, Instant until) {
}
