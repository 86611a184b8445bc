package org.tandem.ivr.internal;

import org.tandem.core.InvalidInput;
import org.tandem.core.PhoneNumber;
import org.tandem.ivr.FlowNode;

/** The values inside a node, each checked against what a phone call can bear. */
final class NodeSettings {

	private NodeSettings() {
	}

	static void check(String field, FlowNode node) {
		if (node instanceof FlowNode.Menu menu) {
			menu.options().keySet().forEach(key -> requireKey(field + ".options." + key, key));
			InvalidInput.require(!menu.options().isEmpty(), field + ".options", "a menu needs at least one option");
			requireWithin(field + ".timeoutSeconds", menu.timeoutSeconds(), 1, 60);
			requireWithin(field + ".retries", menu.retries(), 0, 5);
		}
		else if (node instanceof FlowNode.LanguageChoice choice) {
			InvalidInput.require(!choice.options().isEmpty(), field + ".options", "a language choice needs options");
			choice.options().forEach((key, language) -> {
				requireKey(field + ".options." + key, key);
				InvalidInput.require(FlowNode.LanguageChoice.LANGUAGES.contains(language), field + ".options." + key,
						"'" + language + "' has no prompt set; choose one of " + FlowNode.LanguageChoice.LANGUAGES);
			});
			requireWithin(field + ".timeoutSeconds", choice.timeoutSeconds(), 1, 60);
		}
		else if (node instanceof FlowNode.Hours hours) {
			checkHours(field, hours);
		}
		else if (node instanceof FlowNode.Location location) {
			requireWithin(field + ".timeoutSeconds", location.timeoutSeconds(), 1, 60);
			requireWithin(field + ".retries", location.retries(), 0, 5);
		}
		else if (node instanceof FlowNode.Enqueue enqueue) {
			requireName(field + ".queue", enqueue.queue());
			requireWithin(field + ".priority", enqueue.priority(), 0, 9);
			if (enqueue.hold().announceEverySeconds() != null) {
				requireWithin(field + ".hold.announceEverySeconds", enqueue.hold().announceEverySeconds(), 10, 600);
			}
		}
		else if (node instanceof FlowNode.Voicemail voicemail) {
			requireName(field + ".queue", voicemail.queue());
			requireWithin(field + ".maxSeconds", voicemail.maxSeconds(), 5, 600);
		}
		else if (node instanceof FlowNode.Transfer transfer) {
			var number = PhoneNumber.parse(transfer.number(), field + ".number");
			InvalidInput.require(number.e164().equals(transfer.number()), field + ".number",
					"write the number in E.164 form: " + number.e164());
		}
	}

	private static void checkHours(String field, FlowNode.Hours hours) {
		try {
			hours.check();
		}
		catch (InvalidInput e) {
			throw new InvalidInput(field + "." + e.field(), e.getMessage());
		}
	}

	private static void requireKey(String field, String key) {
		InvalidInput.require(key.matches("[0-9*#]"), field, "an option is one key: 0-9, * or #");
	}

	private static void requireName(String field, String name) {
		InvalidInput.require(name != null && !name.isBlank(), field, "a queue is required");
	}

	private static void requireWithin(String field, int value, int min, int max) {
		InvalidInput.require(value >= min && value <= max, field, "must be between " + min + " and " + max);
	}
}
