package org.tandem.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.tandem.core.Channel;

/** An agent turned an offer down; the contact goes to the next candidate. */
public record OfferDeclined(UUID contactId, UUID agentId) {
}
