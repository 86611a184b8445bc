package org.tandem.routing;

import java.time.Instant;
import java.util.UUID;

/** An agent's presence moved. */
public record AgentPresenceChanged(UUID agentId, Presence from, Presence to, Instant at) {
}
