package org.tandem.voice;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What other modules may do with an answered call, named by the id from {@link CallArrived}. An unknown
 * or ended call throws {@link org.tandem.core.NotFound}; a move the call is not ready for (bridging
 * before the other side answered) throws {@link org.tandem.core.Conflict}.
 */
public interface Calls {

	/**
	 * Plays the prompts one after the other, replacing whatever was playing (music, a recording in progress
	 * is not affected). {@link PlaybackFinished} with the returned number follows when the last one ends,
	 * unless something else was played or stopped first.
	 * @param prompts 8 kHz mono 16-bit PCM WAV files; any other format throws {@link org.tandem.core.InvalidInput}
	 * @return this playback's number, unique within the call
	 */
	long play(String callId, List<Path> prompts);

	/** Plays the music over and over, replacing whatever was playing, until something else is played or stopped. */
	void loop(String callId, Path music);

	/** Stops playing; the caller hears silence. */
	void stop(String callId);

	/**
	 * Records what the caller says into {@code file} (8 kHz mono 16-bit PCM WAV) until {@code max} has passed,
	 * the caller presses #, or hangs up; {@link RecordingFinished} follows in each case (before
	 * {@link CallEnded} when the caller hung up).
	 */
	void record(String callId, Path file, Duration max);

	/**
	 * Rings another phone for this call while the caller keeps hearing what plays: an agent's registered SIP
	 * phone or a number through the trunk. {@code context} goes along as {@code X-Tandem-*} headers for
	 * the phone to show (contact id, the client's name, what the caller chose). {@link RingAnswered} or
	 * {@link RingFailed} follows; after {@code timeout} the ringing stops as {@link RingFailed.Reason#NO_ANSWER}.
	 * A call rings one destination at a time: ringing another replaces the first.
	 */
	void ring(String callId, Destination destination, Map<String, String> context, Duration timeout);

	/** Stops ringing, or releases the other side if it answered and was not bridged yet; nothing when neither. */
	void stopRinging(String callId);

	/**
	 * Connects the caller with the side that answered the ring: what plays stops, and audio flows both ways.
	 * When either side hangs up afterwards, the other is hung up too and {@link CallEnded} follows.
	 */
	void bridge(String callId);

	/** Ends the call from our side (BYE), and the other side's if bridged; {@link CallEnded} follows. */
	void hangUp(String callId);
}
