package org.tandem.security;

import java.util.Map;

/**
 * The audit log as other modules write to it. The actor and the source address are taken from the
 * request being served (or {@code system} outside one); an entry joins the caller's transaction, so
 * it is stored exactly when what it records is.
 */
public interface Audit {

	void record(String action, String targetType, String targetId, Outcome outcome, Map<String, String> details);

	default void record(String action, String targetType, String targetId, Outcome outcome) {
		record(action, targetType, targetId, outcome, Map.of());
	}

	enum Outcome {
		SUCCESS, FAILURE, DENIED
	}
}
