package org.tandem.routing;

import java.util.UUID;

/** An agent let an offer run out; the contact goes to the next candidate. */
public record OfferTimedOut(UUID contactId, UUID agentId) {
}
