package org.tandem.core;

import java.util.Arrays;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reading a document a person typed into a page (JSON or YAML) the way the API reads a request body: what
 * cannot be read is {@link InvalidInput} on the path of the value at fault ({@code licenses[0].state}), or on
 * {@code body} when the text is not a document at all.
 */
public final class Documents {

	private Documents() {
	}

	public static <T> T read(ObjectMapper mapper, String text, Class<T> type) {
		InvalidInput.require(text != null && !text.isBlank(), "body", "the document is empty");
		T value;
		try {
			value = mapper.readValue(text, type);
		}
		catch (JacksonException e) {
			for (Throwable cause = e; cause != null; cause = cause.getCause()) {
				if (cause instanceof InvalidInput invalid) {
					throw prefixed(path(e.getPath()), invalid);
				}
			}
			String path = path(e.getPath());
			throw new InvalidInput(path.isEmpty() ? "body" : path, problem(e));
		}
		InvalidInput.require(value != null, "body", "the document is empty");
		return value;
	}

	/** In the words of the page, not of Java: what the value should have been, or where the text stops making sense. */
	private static String problem(JacksonException e) {
		Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
		if (type != null && type.isEnum()) {
			return "must be one of " + Arrays.toString(type.getEnumConstants());
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "must be a whole number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		var location = e.getLocation();
		String where = location == null || location.getLineNr() < 1 ? ""
				: " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
		return "cannot be read" + where + ": " + e.getOriginalMessage();
	}

	/** A record's own check names its field within the record; the path says which record. */
	private static InvalidInput prefixed(String path, InvalidInput invalid) {
		String field = invalid.field();
		if (path.isEmpty() || field == null || field.isEmpty() || path.endsWith(field)) {
			return path.isEmpty() ? invalid : new InvalidInput(path, invalid.getMessage());
		}
		return new InvalidInput(path + "." + field, invalid.getMessage());
	}

	private static String path(List<JacksonException.Reference> references) {
		var path = new StringBuilder();
		for (var reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}
}
