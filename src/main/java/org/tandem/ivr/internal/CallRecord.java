package org.tandem.ivr.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One answered call as the practice looks back on it. {@code waited} runs from answer to the agent picking
 * up (or to the end when nobody did), {@code rang} is how long the agent's phone rang before they picked
 * up, {@code talked} runs from then to the end.
 */
record CallRecord(String id, String caller, String dialled, String flow, Integer flowVersion, Instant startedAt,
		UUID contactId, UUID agentId, Instant ringStartedAt, Instant answeredAt, Instant endedAt, Outcome outcome,
		Map<String, String> choices) {

	enum Outcome {
		/** Bridged to an agent. */
		TALKED,
		/** Hung up while waiting in a queue. */
		ABANDONED,
		VOICEMAIL,
		CALLBACK,
		TRANSFERRED,
		/** Ended by the flow, or by the caller before reaching a queue. */
		HUNG_UP,
		/** No flow answers the dialled number. */
		NO_FLOW,
		/** Tandem stopped with the call up. */
		INTERRUPTED
	}

	@JsonProperty
	public Duration waited() {
		Instant until = answeredAt != null ? answeredAt : endedAt;
		return contactId == null || until == null ? null : Duration.between(startedAt, until);
	}

	@JsonProperty
	public Duration rang() {
		return ringStartedAt == null || answeredAt == null ? null : Duration.between(ringStartedAt, answeredAt);
	}

	@JsonProperty
	public Duration talked() {
		return answeredAt == null || endedAt == null ? null : Duration.between(answeredAt, endedAt);
	}
}
