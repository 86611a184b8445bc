package org.tandem.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.tandem.core.Channel;

/** An agent's presence moved. */
public record AgentPresenceChanged(UUID agentId, Presence from, Presence to, Instant at) {
}
