package org.tandem.desk.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.tandem.clients.Client;
import org.tandem.clients.ClientRecords;
import org.tandem.clients.Couple;
import org.tandem.core.Conflict;
import org.tandem.core.NotFound;
import org.tandem.core.Population;
import org.tandem.directory.Directory;
import org.tandem.directory.StaffMember;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.ContactView;
import org.tandem.routing.Routing;
import org.tandem.security.Audit;
import org.tandem.security.Audit.Outcome;

/**
 * Builds a contact's card for the one agent it is offered to or was taken by. A therapist otherwise reads
 * only their own clients; the offer is what lets them see this one, for as long as it is theirs, and every
 * card shown with a client on it is audited as a read of that client.
 */
@Component
class Cards {

	private static final int EARLIER = 5;

	private final Routing routing;
	private final ClientRecords clients;
	private final Directory directory;
	private final HandledContacts handled;
	private final Notes notes;
	private final Audit audit;

	Cards(Routing routing, ClientRecords clients, Directory directory, HandledContacts handled, Notes notes,
			Audit audit) {
		this.routing = routing;
		this.clients = clients;
		this.directory = directory;
		this.handled = handled;
		this.notes = notes;
		this.audit = audit;
	}

	/**
	 * The contact, when it is this agent's. One once offered to them that went elsewhere is a {@link Conflict}
	 * (the desktop says the offer passed); one never offered to them is refused like any other page they may
	 * not open, which the security module answers with 403 and audits.
	 */
	ContactView theirs(UUID contactId, Agent agent) {
		ContactView contact = routing.contact(contactId).orElseThrow(() -> new NotFound("Contact", contactId));
		boolean offered = contact.status() == ContactStatus.OFFERED && agent.staffId().equals(contact.offeredTo());
		if (!offered && !agent.staffId().equals(contact.assignedTo())) {
			if (routing.explanations(contactId).stream().noneMatch(e -> agent.staffId().equals(e.chosen()))) {
				throw new AccessDeniedException("Contact " + contactId + " was never offered to " + agent.username());
			}
			throw new Conflict("This offer has passed to someone else.");
		}
		return contact;
	}

	Card of(UUID contactId, Agent agent) {
		ContactView contact = theirs(contactId, agent);
		Optional<Client> client = Optional.ofNullable(contact.clientId()).flatMap(clients::find);
		Optional<Note> note = notes.find(contactId);
		var card = new Card(contact.id(), contact.status(), contact.channel(), contact.queue(), contact.arrivedAt(),
				contact.offerExpiresAt(), contact.assignedAt(), contact.endedAt(),
				client.map(c -> new Card.Person(c.name(), c.pronouns())).orElse(null),
				partner(contact, client).orElse(null), language(contact, client), state(contact, client),
				contact.needs().populations().stream().map(Population::displayName).sorted().toList(),
				client.map(Cards::phones).orElse(List.of()), Choices.of(contact.context()),
				Reasons.of(contact, agent.staffId(), routing.explanations(contactId),
						routing.queues().stream().filter(q -> q.name().equals(contact.queue())).findFirst())
					.orElse(null),
				earlier(contact), agent.readsNotes(),
				agent.readsNotes() ? note.map(Note::body).orElse(null) : null,
				note.map(Note::disposition).map(Enum::name).orElse(null));
		client.ifPresent(c -> audit.record("client.read", "client", c.id().toString(), Outcome.SUCCESS,
				Map.of("via", "agent desktop", "contact", contactId.toString())));
		return card;
	}

	private Optional<Card.Person> partner(ContactView contact, Optional<Client> client) {
		Optional<Couple> couple = Optional.ofNullable(contact.coupleId()).flatMap(clients::findCouple)
			.or(() -> client.flatMap(c -> clients.coupleOf(c.id())));
		return couple.flatMap(c -> {
			UUID other = client.map(Client::id).filter(c.partnerA()::equals).isPresent() ? c.partnerB()
					: client.map(Client::id).filter(c.partnerB()::equals).isPresent() ? c.partnerA() : null;
			return Optional.ofNullable(other).flatMap(clients::find);
		}).map(p -> new Card.Person(p.name(), p.pronouns()));
	}

	private static String language(ContactView contact, Optional<Client> client) {
		var language = contact.needs().language() != null ? contact.needs().language()
				: client.map(Client::language).orElse(null);
		return language == null ? null : language.displayName();
	}

	private static String state(ContactView contact, Optional<Client> client) {
		var state = contact.needs().currentState() != null ? contact.needs().currentState()
				: client.flatMap(c -> Optional.ofNullable(c.location())).map(l -> l.state()).orElse(null);
		return state == null ? null : state.displayName() + " (" + state.name() + ")";
	}

	private static List<Card.Phone> phones(Client client) {
		return client.phones().stream().map(p -> new Card.Phone(p.phone().display(), p.label(), p.okToCall(),
				p.okToText(), p.okToLeaveDetailedVoicemail())).toList();
	}

	private List<Card.Earlier> earlier(ContactView contact) {
		if (contact.clientId() == null) {
			return List.of();
		}
		return handled.ofClient(contact.clientId(), contact.id(), EARLIER).stream()
			.map(h -> new Card.Earlier(h.assignedAt(), h.channel(), h.queue(),
					directory.find(h.agentId()).map(StaffMember::name).orElse("someone who has left"),
					h.disposition() == null ? null : h.disposition().label()))
			.toList();
	}
}
