package org.tandem.directory;

import java.time.Instant;

/** An absence, from {@code from} (inclusive) to {@code to} (exclusive). */
public record TimeOff(Instant from, Instant to, String reason) {

	public boolean covers(Instant instant) {
		return !instant.isBefore(from) && instant.isBefore(to);
	}
}
