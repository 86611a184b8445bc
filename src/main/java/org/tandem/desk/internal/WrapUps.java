package org.tandem.desk.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.tandem.core.Conflict;
import org.tandem.core.InvalidInput;
import org.tandem.desk.ContactWrappedUp;
import org.tandem.desk.Disposition;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.ContactView;
import org.tandem.security.Audit;
import org.tandem.security.Audit.Outcome;

/**
 * Notes written during a contact and the disposition chosen after it. The front desk records dispositions
 * only: a note is clinical, and they neither read nor write one.
 */
@Service
class WrapUps {

	static final int LONGEST_NOTE = 20_000;

	/** @param note null to leave the note as it is; {@code disposition} null until the contact has ended */
	record NoteRequest(String note, Disposition disposition) {
	}

	private final Cards cards;
	private final Notes notes;
	private final Audit audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	WrapUps(Cards cards, Notes notes, Audit audit, ApplicationEventPublisher events, Clock clock) {
		this.cards = cards;
		this.notes = notes;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	void save(UUID contactId, Agent agent, NoteRequest request) {
		ContactView contact = cards.theirs(contactId, agent);
		if (!agent.staffId().equals(contact.assignedTo())) {
			throw new Conflict("Accept the contact before writing about it.");
		}
		InvalidInput.require(request != null && (request.note() != null || request.disposition() != null), "note",
				"send a note, a disposition or both");
		if (request.note() != null && !agent.readsNotes()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"The front desk does not write clinical notes; choose a disposition only.");
		}
		InvalidInput.require(request.note() == null || request.note().length() <= LONGEST_NOTE, "note",
				"a note is at most " + LONGEST_NOTE + " characters");
		InvalidInput.require(request.disposition() == null || contact.status() == ContactStatus.COMPLETED, "disposition",
				"a disposition is chosen once the contact has ended");
		Instant now = clock.instant();
		notes.save(contactId, contact.clientId(), agent.staffId(), request.disposition(), request.note(), now);
		var details = new HashMap<String, String>();
		details.put("contact", contactId.toString());
		if (request.disposition() != null) {
			details.put("disposition", request.disposition().name());
		}
		audit.record(request.note() != null ? "contact.note.save" : "contact.disposition.save", "client",
				contact.clientId() == null ? null : contact.clientId().toString(), Outcome.SUCCESS, details);
		if (request.disposition() != null) {
			events.publishEvent(new ContactWrappedUp(contactId, agent.staffId(), contact.clientId(),
					request.disposition(), now));
		}
	}
}
