package org.tandem.routing;

import java.time.Instant;
import java.util.UUID;

import org.tandem.core.Channel;

/** A contact was offered to one agent, who has until {@code expiresAt} to take it. */
public record ContactOffered(UUID contactId, UUID agentId, String queue, Channel channel, int step, Instant expiresAt) {
}
