package org.tandem.core;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Free vocabulary (issues, modalities, identity words) kept as lower-case kebab tags, so that
 * "Couples Communication" typed by one person matches "couples-communication" typed by another.
 */
public final class Tags {

	private Tags() {
	}

	public static String normalize(String raw, String field) {
		String tag = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
		if (!tag.matches("[\\p{L}0-9][\\p{L}0-9+./-]{0,59}")) {
			throw new InvalidInput(field, "'" + raw + "' is not a usable tag (letters, digits and dashes, at most 60)");
		}
		return tag;
	}

	public static Set<String> normalize(Collection<String> raw, String field) {
		var tags = new TreeSet<String>();
		if (raw != null) {
			for (String each : raw) {
				tags.add(normalize(each, field));
			}
		}
		return Set.copyOf(tags);
	}
}
