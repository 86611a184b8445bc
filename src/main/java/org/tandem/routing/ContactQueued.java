package org.tandem.routing;

import java.time.Instant;
import java.util.UUID;

import org.tandem.core.Channel;

/** A contact entered a queue. */
public record ContactQueued(UUID contactId, String queue, Channel channel, int priority, Instant arrivedAt) {
}
