package org.tandem.routing;

import java.util.UUID;

/** An agent turned an offer down; the contact goes to the next candidate. */
public record OfferDeclined(UUID contactId, UUID agentId) {
}
