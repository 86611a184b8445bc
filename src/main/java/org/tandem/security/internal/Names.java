package org.tandem.security.internal;

import java.util.Locale;

import org.tandem.core.InvalidInput;

/** User names: lower case, so that {@code Alex} and {@code alex} are one person. */
final class Names {

	static final String PATTERN = "[a-z0-9][a-z0-9._-]{1,63}";

	private Names() {
	}

	static String normalize(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	static String valid(String username) {
		String name = normalize(username);
		InvalidInput.require(name.matches(PATTERN), "username",
				"a user name is 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
		return name;
	}

	/** What a failed sign-in is recorded under: whatever was typed, cut short so a pasted password cannot fill the log. */
	static String attempted(String username) {
		String name = normalize(username);
		return name.length() > 64 ? name.substring(0, 64) : name;
	}
}
