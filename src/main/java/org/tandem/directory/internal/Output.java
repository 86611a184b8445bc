package org.tandem.directory.internal;

import java.util.Collection;
import java.util.List;

/** Writing sets as lists in a stable order, so that a response reads the same on every request. */
final class Output {

	private Output() {
	}

	static List<String> sorted(Collection<String> words) {
		return words.stream().sorted().toList();
	}

	static <E extends Enum<E>> List<String> names(Collection<E> constants) {
		return constants.stream().sorted().map(Enum::name).toList();
	}
}
