package org.tandem.desk.internal;

import java.time.Instant;
import java.util.UUID;

import org.tandem.core.Channel;
import org.tandem.desk.Disposition;

/** A contact an agent took, as the desktop wrote it down; {@code disposition} is null until wrapped up. */
record HandledContact(UUID contactId, UUID agentId, UUID clientId, String queue, Channel channel, Instant assignedAt,
		Instant completedAt, Disposition disposition) {
}
