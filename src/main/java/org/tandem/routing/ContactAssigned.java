package org.tandem.routing;

import java.time.Duration;
import java.util.UUID;

import org.tandem.core.Channel;

/** An agent took a contact; {@code waited} runs from the original arrival. */
public record ContactAssigned(UUID contactId, UUID agentId, String queue, Channel channel, Duration waited) {
}
