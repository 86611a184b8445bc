package org.tandem.desk.internal;

import java.time.Instant;
import java.util.UUID;

import org.tandem.desk.Disposition;

/** The agent's wrap-up of one contact: how it ended and what they wrote (empty for the front desk). */
record Note(UUID contactId, UUID clientId, UUID agentId, Disposition disposition, String body, Instant updatedAt) {
}
