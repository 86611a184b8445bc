package org.tandem.core;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A spoken language by its ISO 639-1 code ({@code en}, {@code es}, {@code zh}…). */
public record Language(@JsonValue String code) {

	private static final Set<String> ISO = Set.of(Locale.getISOLanguages());

	public static final Language ENGLISH = new Language("en");
	public static final Language SPANISH = new Language("es");

	public Language {
		if (code == null || !ISO.contains(code)) {
			throw new IllegalArgumentException("not an ISO 639-1 code: " + code);
		}
	}

	/** For JSON: the field is named by the JSON path of the value. */
	@JsonCreator
	static Language fromJson(String code) {
		return of(code, null);
	}

	public static Language of(String code, String field) {
		String normalized = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
		if (!ISO.contains(normalized)) {
			throw new InvalidInput(field, "'" + code + "' is not an ISO 639-1 language code (e.g. en, es)");
		}
		return new Language(normalized);
	}

	public String displayName() {
		return Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
	}

	@Override
	public String toString() {
		return code;
	}
}
