package org.tandem.clients;

import java.util.Set;

import org.tandem.core.Format;

/**
 * What the client would like in a therapist: identity words (e.g. {@code queer}, {@code latinx}),
 * modalities (e.g. {@code gottman}), the most they can pay per session, and session formats.
 */
public record Preferences(Set<String> therapistIdentity, Set<String> modalities, Integer budgetMax,
		Set<Format> formats) {

	public static final Preferences NONE = new Preferences(Set.of(), Set.of(), null, Set.of());
}
