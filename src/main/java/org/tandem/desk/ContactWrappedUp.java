package org.tandem.desk;

import java.time.Instant;
import java.util.UUID;

/** An agent recorded how a contact ended; {@code clientId} is null when the caller was not identified. */
public record ContactWrappedUp(UUID contactId, UUID agentId, UUID clientId, Disposition disposition, Instant at) {
}
