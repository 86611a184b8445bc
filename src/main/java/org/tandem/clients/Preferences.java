package org.tandem.clients;

import java.util.Set;

import org.tandem.core.Format;
import org.tandem.core.InvalidInput;

/**
 * What the client would like in a therapist: identity words (e.g. {@code queer}, {@code latinx}),
 * modalities (e.g. {@code gottman}), the most they can pay per session in whole US dollars (null when
 * they did not say), and session formats.
 */
public record Preferences(Set<String> therapistIdentity, Set<String> modalities, Integer budgetMax,
		Set<Format> formats) {

	public static final Preferences NONE = new Preferences(Set.of(), Set.of(), null, Set.of());

	public Preferences {
		therapistIdentity = Values.tags(therapistIdentity, "therapistIdentity");
		modalities = Values.tags(modalities, "modalities");
		InvalidInput.require(budgetMax == null || budgetMax >= 0, "budgetMax",
				"the budget cannot be negative, was " + budgetMax);
		formats = Values.setOf(formats, "formats");
	}
}
