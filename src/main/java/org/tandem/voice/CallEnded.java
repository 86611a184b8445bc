package org.tandem.voice;

import java.time.Instant;

public record CallEnded(String callId, Instant at, Reason reason) {

	public enum Reason {
		/** The caller sent BYE. */
		CALLER_HUNG_UP,
		/** The agent or the number the call was bridged to hung up (the caller was hung up too). */
		OTHER_SIDE_HUNG_UP,
		/** Tandem hung up through {@link Calls#hangUp}. */
		HUNG_UP,
		/** No RTP arrived for the configured media timeout: the caller's side is gone. */
		MEDIA_TIMEOUT,
		/** Tandem shut down with the call still up. */
		SHUTDOWN
	}
}
