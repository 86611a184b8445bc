package org.tandem.voice;

import java.time.Instant;

/**
 * A call was answered; its media is ready for {@link Calls#play}.
 * @param callerNumber the user part of the caller's From URI, as the trunk sent it
 * @param dialledNumber the user part of the request URI: which of the practice's numbers was called
 */
public record CallArrived(String callId, String callerNumber, String dialledNumber, Instant at) {
}
