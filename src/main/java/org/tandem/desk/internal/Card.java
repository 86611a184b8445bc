package org.tandem.desk.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tandem.core.Channel;
import org.tandem.routing.ContactStatus;

/**
 * What the desktop shows of one contact: who it is, how to reach them safely, what they chose on the
 * phone, why it came to this agent, what came before, and the agent's note. Plain text only: the page puts
 * every value in with {@code textContent}.
 *
 * @param client null when the caller was not identified
 * @param note null when the agent may not read notes (the front desk) or wrote none yet
 */
record Card(UUID contactId, ContactStatus status, Channel channel, String queue, Instant arrivedAt,
		Instant offerExpiresAt, Instant assignedAt, Instant endedAt, Person client, Person partner, String language,
		String currentState, List<String> populations, List<Phone> phones, List<Choice> choices, Reason why,
		List<Earlier> earlier, boolean notesAllowed, String note, String disposition) {

	record Person(String name, String pronouns) {
	}

	record Phone(String number, String label, boolean okToCall, boolean okToText, boolean okToLeaveDetailedVoicemail) {
	}

	/** One thing the caller chose or said on the phone, in words. */
	record Choice(String label, String value) {
	}

	/**
	 * Why the contact came to this agent: the step that chose them, the filters they passed, their score
	 * by criterion, and why others did not get it.
	 */
	record Reason(String step, String strategy, List<String> passed, List<Score> scores, String others) {
	}

	record Score(String criterion, long points) {
	}

	record Earlier(Instant at, Channel channel, String queue, String handledBy, String disposition) {
	}
}
