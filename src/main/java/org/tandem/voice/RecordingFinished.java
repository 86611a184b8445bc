package org.tandem.voice;

import java.nio.file.Path;
import java.time.Duration;

/** A recording from {@link Calls#record} is complete on disk; {@code length} is what it holds. */
public record RecordingFinished(String callId, Path file, Duration length) {
}
