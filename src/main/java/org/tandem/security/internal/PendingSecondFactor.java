package org.tandem.security.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Kept in the session between a correct password and the TOTP code; it authenticates nobody by itself. */
record PendingSecondFactor(UUID userId, String username, Instant expires) implements Serializable {

	static final String ATTRIBUTE = PendingSecondFactor.class.getName();
}
