package org.tandem.ivr;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** What happened on the call since the last step, as whoever runs the call (SIP, a webhook) reports it. */
public sealed interface IvrInput {

	/** {@code callerNumber} is null when the caller withheld it. */
	record CallStarted(String callerNumber, String dialledNumber, Instant at) implements IvrInput {
	}

	record DigitsEntered(String digits) implements IvrInput {
	}

	record InputTimedOut() implements IvrInput {
	}

	record PromptFinished() implements IvrInput {
	}

	/** The answer to {@link IvrAction.LookUpCaller}; all null when the number is not a client's. */
	record CallerLookedUp(UUID clientId, UUID ownTherapistId, String language) implements IvrInput {
	}

	record Enqueued(UUID contactId) implements IvrInput {
	}

	record HoldTick(int position, Duration estimatedWait) implements IvrInput {
	}

	/** {@code recording}: where the runner keeps the audio (a file name, a URL). */
	record RecordingFinished(String recording, Duration length) implements IvrInput {
	}

	record CallerHungUp() implements IvrInput {
	}
}
