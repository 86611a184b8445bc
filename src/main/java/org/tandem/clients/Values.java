package org.tandem.clients;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.tandem.core.InvalidInput;
import org.tandem.core.Tags;

/**
 * Copies of what a caller handed in, so a record cannot change under the feet of whoever holds it.
 * Sets come out sorted: the same record then always reads, and is written out, the same way.
 */
final class Values {

	private Values() {
	}

	/** An absent collection is an empty one; a null element is bad input rather than a crash. */
	static <T extends Comparable<? super T>> Set<T> setOf(Collection<T> values, String field) {
		return values == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(checked(values, field)));
	}

	static <T> List<T> listOf(Collection<T> values, String field) {
		return values == null ? List.of() : List.copyOf(checked(values, field));
	}

	static Set<String> tags(Collection<String> values, String field) {
		return setOf(Tags.normalize(values, field), field);
	}

	/** Trimmed text, or null when nothing but blanks was given. */
	static String text(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static <T> Collection<T> checked(Collection<T> values, String field) {
		int index = 0;
		for (T value : values) {
			InvalidInput.require(value != null, field + "[" + index + "]", "must not be null");
			index++;
		}
		return values;
	}
}
