package org.tandem.clients;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.tandem.core.Language;
import org.tandem.core.Population;

/**
 * A person the practice serves (or is about to).
 *
 * @param ownTherapistId the therapist they already see, for continuity; null for a new client
 */
public record Client(UUID id, String name, String pronouns, List<ContactPoint> phones, String email,
		Language language, CurrentLocation location, Set<Population> populations, Set<String> issues,
		Preferences preferences, UUID ownTherapistId, Instant createdAt) {
}
