package org.tandem.ivr;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.tandem.core.Channel;
import org.tandem.routing.ContactRequest;
import org.tandem.routing.Needs;

/** What the runner of a call must do next, in the order given. */
public sealed interface IvrAction {

	/** {@code text}: what the prompts say, when it is set by configuration rather than by recording (the emergency notice). */
	record Play(List<String> prompts, String language, String text) implements IvrAction {

		public Play {
			prompts = List.copyOf(prompts);
		}
	}

	/** Collect up to {@code maxDigits} keys; no key within {@code timeout} is {@link IvrInput.InputTimedOut}. */
	record CollectDigits(int maxDigits, Duration timeout) implements IvrAction {
	}

	record LookUpCaller(String number) implements IvrAction {
	}

	record Enqueue(String queue, Channel channel, int priority, Needs needs, UUID clientId,
			Map<String, String> context) implements IvrAction {

		public ContactRequest toContactRequest() {
			return new ContactRequest(queue, channel, priority, needs, clientId, null, null, context);
		}
	}

	/** Music until told otherwise; {@link IvrInput.HoldTick} every {@code announceEvery} when it is set. */
	record StartHoldMusic(String music, Duration announceEvery) implements IvrAction {
	}

	record Record(int maxSeconds) implements IvrAction {
	}

	/** Whoever carries this out withdraws the contact that {@code keepsPlaceOf} names, if any, from its queue. */
	record CreateVoicemailContact(String queue, String callerNumber, String recording, Duration length, Needs needs,
			UUID clientId, UUID keepsPlaceOf, Map<String, String> context) implements IvrAction {

		/** The agent who takes the voicemail needs the recording and a number to call back, when there is one. */
		public ContactRequest toContactRequest() {
			var details = new LinkedHashMap<>(context);
			details.put("recording", recording);
			details.put("recordingSeconds", String.valueOf(length.toSeconds()));
			if (callerNumber != null) {
				details.put("callerNumber", callerNumber);
			}
			return new ContactRequest(queue, Channel.VOICEMAIL, 0, needs, clientId, null, keepsPlaceOf, details);
		}
	}

	/** A callback to {@code callerNumber} that takes the place of {@code contactId}, which leaves the queue. */
	record RequestCallback(UUID contactId, String callerNumber, Map<String, String> context) implements IvrAction {
	}

	record Transfer(String number) implements IvrAction {
	}

	record HangUp() implements IvrAction {
	}
}
