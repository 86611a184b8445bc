package org.tandem.clients;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.tandem.core.InvalidInput;
import org.tandem.core.Language;
import org.tandem.core.PhoneNumber;
import org.tandem.core.Population;

/**
 * A person the practice serves (or is about to).
 *
 * @param phones each number once, with this person's own safe-contact flags
 * @param language null until the client has said which language they want to be helped in
 * @param location null until the client has said where they physically are
 * @param ownTherapistId the therapist they already see, for continuity; null for a new client
 */
public record Client(UUID id, String name, String pronouns, List<ContactPoint> phones, String email,
		Language language, CurrentLocation location, Set<Population> populations, Set<String> issues,
		Preferences preferences, UUID ownTherapistId, Instant createdAt) {

	public Client {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(createdAt, "createdAt");
		name = Values.text(name);
		InvalidInput.require(name != null, "name", "a name is required");
		pronouns = Values.text(pronouns);
		phones = Values.listOf(phones, "phones");
		requireDistinct(phones);
		email = Values.text(email);
		InvalidInput.require(email == null || email.matches("[^@\\s]+@[^@\\s]+"), "email",
				"'" + email + "' is not an e-mail address");
		populations = Values.setOf(populations, "populations");
		issues = Values.tags(issues, "issues");
		preferences = preferences == null ? Preferences.NONE : preferences;
	}

	/** A number listed twice would carry two sets of safe-contact flags, and one of them would be ignored. */
	private static void requireDistinct(List<ContactPoint> phones) {
		var seen = new HashSet<PhoneNumber>();
		for (int i = 0; i < phones.size(); i++) {
			InvalidInput.require(seen.add(phones.get(i).phone()), "phones[" + i + "].phone",
					"this number is already listed");
		}
	}
}
