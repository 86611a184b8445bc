package org.tandem.routing;

import java.util.Set;

import org.tandem.core.Format;
import org.tandem.core.Language;
import org.tandem.core.Population;
import org.tandem.core.UsState;

/**
 * What a contact needs, as far as it is known: who they are (populations, e.g. a lesbian couple),
 * what about (issues), their language, the state they are in right now, the session format, the most
 * they can pay, whether they are new to the practice, and their preferences about the therapist.
 * {@code newClient} and {@code couple} may be left out of a request; routing works them out from the
 * client record and the populations.
 */
public record Needs(Set<Population> populations, Set<String> issues, Language language, UsState currentState,
		Format format, Integer budget, Boolean newClient, Set<String> identityPreferences, Set<String> modalities,
		Boolean couple) {

	public Needs {
		populations = populations == null ? Set.of() : Set.copyOf(populations);
		issues = issues == null ? Set.of() : Set.copyOf(issues);
		identityPreferences = identityPreferences == null ? Set.of() : Set.copyOf(identityPreferences);
		modalities = modalities == null ? Set.of() : Set.copyOf(modalities);
		if (budget != null && budget < 0) {
			throw new org.tandem.core.InvalidInput("budget", "a budget cannot be negative");
		}
	}

	@com.fasterxml.jackson.annotation.JsonIgnore
	public boolean isNewClient() {
		return newClient == null || newClient;
	}

	@com.fasterxml.jackson.annotation.JsonIgnore
	public boolean isCouple() {
		return couple != null && couple;
	}
}
