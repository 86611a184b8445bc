package org.tandem.core;

/**
 * Input that breaks a rule of the domain. Carries the name of the offending field so the HTTP edge
 * can answer 400 naming it; whoever throws it must not have stored anything yet.
 */
public class InvalidInput extends RuntimeException {

	private final String field;

	public InvalidInput(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}

	public static void require(boolean condition, String field, String message) {
		if (!condition) {
			throw new InvalidInput(field, message);
		}
	}
}
