package org.tandem.voice;

import java.time.Instant;

/** The destination of {@link Calls#ring} picked up; the call waits for {@link Calls#bridge} or {@link Calls#stopRinging}. */
public record RingAnswered(String callId, Destination destination, Instant at) {
}
