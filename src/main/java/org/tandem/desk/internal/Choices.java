package org.tandem.desk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tandem.core.InvalidInput;
import org.tandem.core.Language;
import org.tandem.core.PhoneNumber;

/**
 * What the caller's journey learned (the contact's context: the IVR keeps each menu's key under the menu's
 * name, plus the language and ZIP code), as labelled values. A voicemail's file stays out: the agent plays
 * it elsewhere, and a path on the server means nothing to them.
 */
final class Choices {

	private static final Map<String, String> LABELS = Map.of("language", "Language", "zip", "ZIP code",
			"callbackNumber", "Number to call back", "callerNumber", "Caller's number", "recordingSeconds",
			"Voicemail length", "transferredBy", "Transferred by", "transferredFrom", "Transferred from queue");

	private Choices() {
	}

	static List<Card.Choice> of(Map<String, String> context) {
		var choices = new ArrayList<Card.Choice>();
		new TreeMap<>(context).forEach((key, value) -> {
			if (!"recording".equals(key) && value != null && !value.isBlank()) {
				choices.add(new Card.Choice(label(key), value(key, value)));
			}
		});
		return List.copyOf(choices);
	}

	private static String label(String key) {
		String known = LABELS.get(key);
		if (known != null) {
			return known;
		}
		String words = key.replace('-', ' ').replace('_', ' ').strip();
		return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static String value(String key, String value) {
		try {
			return switch (key) {
				case "language" -> Language.of(value, key).displayName();
				case "callbackNumber", "callerNumber" -> PhoneNumber.parse(value, key).display();
				case "recordingSeconds" -> value + " s";
				default -> value;
			};
		}
		catch (InvalidInput e) {
			return value;
		}
	}
}
