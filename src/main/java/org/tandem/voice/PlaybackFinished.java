package org.tandem.voice;

/** The prompts of {@link Calls#play} that returned {@code playback} have all been played. */
public record PlaybackFinished(String callId, long playback) {
}
