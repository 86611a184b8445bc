package org.tandem.voice;

/** The caller pressed keys: 0-9, * and #, in the order pressed. */
public record DigitsReceived(String callId, String digits) {
}
