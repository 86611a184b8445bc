package org.tandem.routing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.tandem.core.Channel;

/** An agent's routing state: presence since when, open contacts per channel, pending offer. */
public record AgentView(UUID agentId, String name, Presence presence, Instant since, Map<Channel, Integer> active,
		UUID pendingOffer, int missedInARow, int contactsToday, Instant wrapUpUntil) {
}
