package org.tandem.routing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.tandem.core.Channel;

/** A contact as the API shows it. {@code position} is 1-based among waiting contacts of its queue, 0 otherwise. */
public record ContactView(UUID id, String queue, Channel channel, int priority, ContactStatus status, Needs needs,
		UUID clientId, UUID coupleId, Instant arrivedAt, Instant queuedAt, int step, UUID offeredTo,
		Instant offerExpiresAt, UUID assignedTo, Instant assignedAt, Instant endedAt, int position,
		Map<String, String> context) {
}
