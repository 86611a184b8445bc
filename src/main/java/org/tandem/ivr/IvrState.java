package org.tandem.ivr;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.tandem.core.UsState;

/**
 * Where a call is in its flow and what it has learned, as plain values so it can be stored as JSON between
 * steps. {@code context} keeps what the caller chose (node name → key, plus language and ZIP) for the agent.
 */
public record IvrState(Phase phase, String node, String language, int attempts, String callerNumber,
		String dialledNumber, Instant startedAt, UUID clientId, UUID ownTherapistId, UsState currentState,
		UUID contactId, Map<String, String> context) {

	/** What the call waits for. */
	public enum Phase {
		NEW, PLAYING, COLLECTING, LOOKING_UP, ENQUEUEING, HOLDING, RECORDING, ENDED
	}

	public IvrState {
		context = context == null ? Map.of() : Map.copyOf(context);
	}

	public static IvrState begin() {
		return new IvrState(Phase.NEW, null, "en", 0, null, null, null, null, null, null, null, Map.of());
	}

	IvrState at(String node, Phase phase) {
		return new IvrState(phase, node, language, 0, callerNumber, dialledNumber, startedAt, clientId, ownTherapistId,
				currentState, contactId, context);
	}

	IvrState in(Phase phase) {
		return new IvrState(phase, node, language, attempts, callerNumber, dialledNumber, startedAt, clientId,
				ownTherapistId, currentState, contactId, context);
	}

	IvrState retried() {
		return new IvrState(phase, node, language, attempts + 1, callerNumber, dialledNumber, startedAt, clientId,
				ownTherapistId, currentState, contactId, context);
	}

	IvrState called(String callerNumber, String dialledNumber, Instant startedAt) {
		return new IvrState(phase, node, language, attempts, callerNumber, dialledNumber, startedAt, clientId,
				ownTherapistId, currentState, contactId, context);
	}

	IvrState speaking(String language) {
		return new IvrState(phase, node, language, attempts, callerNumber, dialledNumber, startedAt, clientId,
				ownTherapistId, currentState, contactId, with("language", language));
	}

	IvrState known(UUID clientId, UUID ownTherapistId) {
		return new IvrState(phase, node, language, attempts, callerNumber, dialledNumber, startedAt, clientId,
				ownTherapistId, currentState, contactId, context);
	}

	IvrState locatedIn(UsState state, String zip) {
		return new IvrState(phase, node, language, attempts, callerNumber, dialledNumber, startedAt, clientId,
				ownTherapistId, state, contactId, with("zip", zip));
	}

	IvrState queuedAs(UUID contactId) {
		return new IvrState(phase, node, language, attempts, callerNumber, dialledNumber, startedAt, clientId,
				ownTherapistId, currentState, contactId, context);
	}

	IvrState chose(String key, String value) {
		return new IvrState(phase, node, language, attempts, callerNumber, dialledNumber, startedAt, clientId,
				ownTherapistId, currentState, contactId, with(key, value));
	}

	private Map<String, String> with(String key, String value) {
		var copy = new LinkedHashMap<>(context);
		copy.put(key, value);
		return copy;
	}
}
