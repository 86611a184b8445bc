package org.tandem.clients;

import java.util.Set;
import java.util.UUID;

import org.tandem.core.Population;

/**
 * A couples case: two clients seen together, each keeping their own contact points and consents.
 *
 * @param populations what kind of couple, e.g. {@code LESBIAN_COUPLES}, {@code INTERRACIAL_COUPLES}
 */
public record Couple(UUID id, UUID partnerA, UUID partnerB, Set<Population> populations, Set<String> issues,
		UUID ownTherapistId) {
}
