package org.tandem.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Immutable copies for the records of this package, so that an absent collection reads as empty. */
final class Copies {

	private Copies() {
	}

	static <T> List<T> list(List<T> items) {
		return items == null ? List.of() : List.copyOf(items);
	}

	static <T> Set<T> set(Collection<T> items) {
		return items == null ? Set.of() : Set.copyOf(items);
	}

	static <K, V> Map<K, V> map(Map<K, V> entries) {
		return entries == null ? Map.of() : Map.copyOf(entries);
	}
}
