package org.tandem.directory.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.tandem.core.InvalidInput;
import org.tandem.core.Tags;

/** Reading the text of a request into values, naming the JSON path of whatever does not fit. */
final class Input {

	private Input() {
	}

	static <T> T required(T value, String field) {
		if (value == null) {
			throw new InvalidInput(field, "a value is required");
		}
		return value;
	}

	/** Blank is treated as absent, since forms send empty strings for fields left empty. */
	static String optional(String raw) {
		return raw == null || raw.isBlank() ? null : raw.trim();
	}

	/** Accepts any case and dashes or spaces for underscores, so {@code "front desk"} is {@code FRONT_DESK}. */
	static <E extends Enum<E>> E oneOf(Class<E> type, String raw, String field) {
		required(raw, field);
		String name = raw.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(name)) {
				return constant;
			}
		}
		throw new InvalidInput(field, "'" + raw + "' is not one of "
				+ Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
	}

	/** Reads each element with the path {@code field[i]}; an absent list is an empty one. */
	static <T, R> List<R> each(List<T> raw, String field, BiFunction<T, String, R> read) {
		var values = new ArrayList<R>();
		if (raw != null) {
			for (int i = 0; i < raw.size(); i++) {
				String path = field + "[" + i + "]";
				values.add(read.apply(required(raw.get(i), path), path));
			}
		}
		return values;
	}

	static <E extends Enum<E>> Set<E> allOf(Class<E> type, List<String> raw, String field) {
		return Set.copyOf(each(raw, field, (name, path) -> oneOf(type, name, path)));
	}

	static Set<String> tags(List<String> raw, String field) {
		return Set.copyOf(each(raw, field, Tags::normalize));
	}
}
