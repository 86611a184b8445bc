package org.tandem.ivr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.tandem.core.InvalidInput;

/** A number a person in crisis can reach, how (call, text), its own menu (key → what it reaches) and when it answers. */
public record CrisisLine(String name, String number, Set<How> how, Map<String, String> options, String hours) {

	public enum How {
		CALL, TEXT
	}

	public CrisisLine {
		InvalidInput.require(name != null && !name.isBlank(), "name", "a crisis line needs a name");
		InvalidInput.require(number != null && number.matches("\\+?[0-9][0-9 -]*"), "number",
				"a crisis line needs a number of digits, e.g. 988 or +18664887386");
		InvalidInput.require(how != null && !how.isEmpty(), "how", "say how to reach the line: CALL, TEXT or both");
		how = Set.copyOf(how);
		options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
	}

	public String digits() {
		return number.replaceAll("[^0-9]", "");
	}
}
