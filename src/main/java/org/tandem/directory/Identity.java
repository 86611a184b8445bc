package org.tandem.directory;

import java.util.Set;
import java.util.TreeSet;

/**
 * How a therapist describes themself, only if they choose to: every set may be empty. Words are tags,
 * e.g. gender {@code non-binary}, orientation {@code gay}, race/ethnicity {@code latinx}, faith {@code jewish}.
 */
public record Identity(Set<String> gender, Set<String> orientation, Set<String> raceEthnicity, Set<String> faith) {

	public static final Identity UNDISCLOSED = new Identity(Set.of(), Set.of(), Set.of(), Set.of());

	public Identity {
		gender = Copies.set(gender);
		orientation = Copies.set(orientation);
		raceEthnicity = Copies.set(raceEthnicity);
		faith = Copies.set(faith);
	}

	/** Every word of the identity, for matching a client's preferences. */
	public Set<String> words() {
		var words = new TreeSet<String>();
		words.addAll(gender);
		words.addAll(orientation);
		words.addAll(raceEthnicity);
		words.addAll(faith);
		return words;
	}
}
