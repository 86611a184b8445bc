package org.tandem.clients;

import java.time.Instant;
import java.util.Objects;

import org.tandem.core.UsState;

/** Where the client said they physically are, and when they said it; licensure depends on it. */
public record CurrentLocation(UsState state, Instant confirmedAt) {

	public CurrentLocation {
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(confirmedAt, "confirmedAt");
	}
}
