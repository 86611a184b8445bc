package org.tandem.voice;

import java.nio.file.Path;
import java.util.List;

/**
 * What other modules may do with an answered call, named by the id from {@link CallArrived}. An unknown
 * or ended call throws {@link org.tandem.core.NotFound}.
 */
public interface Calls {

	/**
	 * Plays the prompts one after the other, replacing whatever was playing.
	 * @param prompts 8 kHz mono 16-bit PCM WAV files; any other format throws {@link org.tandem.core.InvalidInput}
	 */
	void play(String callId, List<Path> prompts);

	/** Stops playing; the caller hears silence. */
	void stop(String callId);

	/** Ends the call from our side (BYE); {@link CallEnded} follows. */
	void hangUp(String callId);
}
