package org.tandem.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.tandem.core.Channel;

/** An agent let an offer run out; the contact goes to the next candidate. */
public record OfferTimedOut(UUID contactId, UUID agentId) {
}
