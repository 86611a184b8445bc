package org.tandem.clients;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.tandem.core.InvalidInput;
import org.tandem.core.Population;

/**
 * A couples case: two clients seen together, each keeping their own contact points and consents.
 * A person is a partner in at most one open case at a time.
 *
 * @param populations what kind of couple, e.g. {@code LESBIAN_COUPLES}, {@code INTERRACIAL_COUPLES}
 * @param closedAt when the case ended; null while it is open
 */
public record Couple(UUID id, UUID partnerA, UUID partnerB, Set<Population> populations, Set<String> issues,
		UUID ownTherapistId, Instant closedAt) {

	public Couple {
		Objects.requireNonNull(id, "id");
		InvalidInput.require(partnerA != null, "partnerA", "partner A is required");
		InvalidInput.require(partnerB != null, "partnerB", "partner B is required");
		InvalidInput.require(!partnerA.equals(partnerB), "partnerB", "the two partners must be different clients");
		populations = Values.setOf(populations, "populations");
		issues = Values.tags(issues, "issues");
	}

	public boolean isOpen() {
		return closedAt == null;
	}

	public Set<UUID> partners() {
		return Set.of(partnerA, partnerB);
	}
}
