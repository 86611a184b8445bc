package org.tandem.routing;

import java.time.Duration;
import java.util.UUID;

import org.tandem.core.Channel;

/** The agent finished a contact; {@code handled} runs from assignment. */
public record ContactCompleted(UUID contactId, UUID agentId, String queue, Channel channel, Duration handled) {
}
