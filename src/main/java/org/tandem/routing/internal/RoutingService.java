package org.tandem.routing.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tandem.clients.Client;
import org.tandem.clients.ClientRecords;
import org.tandem.clients.Couple;
import org.tandem.core.Conflict;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;
import org.tandem.core.Population;
import org.tandem.directory.CompactTableChanged;
import org.tandem.directory.Directory;
import org.tandem.directory.StaffMemberSaved;
import org.tandem.routing.AgentView;
import org.tandem.routing.ContactRequest;
import org.tandem.routing.ContactView;
import org.tandem.routing.Explanation;
import org.tandem.routing.Needs;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.Routing;

/**
 * The routing API. Looks up what a command needs (client record, couple, original arrival) on the
 * caller's thread, hands the decision to the {@link RoutingLoop}, and reads results back from the
 * database, which the loop has committed before answering.
 */
@Service
class RoutingService implements Routing {

	private final RoutingLoop loop;
	private final Contacts contacts;
	private final Decisions decisions;
	private final Queues queues;
	private final AgentViews agentViews;
	private final ClientRecords clients;
	private final Directory directory;

	RoutingService(RoutingLoop loop, Contacts contacts, Decisions decisions, Queues queues, AgentViews agentViews,
			ClientRecords clients, Directory directory) {
		this.loop = loop;
		this.contacts = contacts;
		this.decisions = decisions;
		this.queues = queues;
		this.agentViews = agentViews;
		this.clients = clients;
		this.directory = directory;
	}

	@Override
	public ContactView enqueue(ContactRequest request) {
		return queue(UUID.randomUUID(), request);
	}

	@Override
	public ContactView enqueue(UUID contactId, ContactRequest request) {
		if (contacts.arrivalOf(contactId).isPresent()) {
			throw new Conflict("Contact " + contactId + " exists already");
		}
		return queue(contactId, request);
	}

	private ContactView queue(UUID id, ContactRequest request) {
		Client client = request.clientId() == null ? null : clients.find(request.clientId())
			.orElseThrow(() -> new InvalidInput("clientId", "there is no client " + request.clientId()));
		Couple couple = request.coupleId() == null ? null : clients.findCouple(request.coupleId())
			.orElseThrow(() -> new InvalidInput("coupleId", "there is no couple " + request.coupleId()));
		if (couple == null && client != null) {
			couple = clients.coupleOf(client.id()).orElse(null);
		}
		Instant arrival = request.keepsPlaceOf() == null ? null : contacts.arrivalOf(request.keepsPlaceOf())
			.orElseThrow(() -> new InvalidInput("keepsPlaceOf", "there is no contact " + request.keepsPlaceOf()));
		UUID own = couple != null && couple.ownTherapistId() != null ? couple.ownTherapistId()
				: client == null ? null : client.ownTherapistId();
		Needs needs = resolve(request.needs(), client, couple, own);
		UUID coupleId = couple == null ? null : couple.id();
		return loop.execute((engine, now) -> engine.enqueue(new ContactState(id, engine.nextSequence(), request.queue(),
				request.channel(), request.priority(), needs, request.clientId(), coupleId, own,
				arrival == null ? now : arrival, now, request.context()), now), (engine, changes) -> engine.view(id, changes));
	}

	/** What the request says wins (the caller is in Texas tonight); the record fills the gaps. */
	private static Needs resolve(Needs asked, Client client, Couple couple, UUID own) {
		Set<Population> populations = new HashSet<>(asked.populations());
		Set<String> issues = new HashSet<>(asked.issues());
		var language = asked.language();
		var state = asked.currentState();
		var budget = asked.budget();
		Set<String> identity = new HashSet<>(asked.identityPreferences());
		Set<String> modalities = new HashSet<>(asked.modalities());
		var format = asked.format();
		if (client != null) {
			populations.addAll(client.populations());
			issues.addAll(client.issues());
			language = language != null ? language : client.language();
			state = state != null ? state : client.location() == null ? null : client.location().state();
			if (client.preferences() != null) {
				budget = budget != null ? budget : client.preferences().budgetMax();
				identity.addAll(client.preferences().therapistIdentity());
				modalities.addAll(client.preferences().modalities());
				format = format != null || client.preferences().formats().isEmpty() ? format
						: client.preferences().formats().iterator().next();
			}
		}
		if (couple != null) {
			populations.addAll(couple.populations());
			issues.addAll(couple.issues());
		}
		boolean newClient = asked.newClient() != null ? asked.newClient() : own == null;
		boolean isCouple = asked.couple() != null ? asked.couple()
				: couple != null || populations.stream().anyMatch(p -> p.name().endsWith("_COUPLES"));
		return new Needs(populations, issues, language, state, format, budget, newClient, identity, modalities, isCouple);
	}

	@Override
	public ContactView withdraw(UUID contactId) {
		return onContact(contactId, (engine, now) -> engine.withdraw(contactId, now));
	}

	@Override
	public ContactView divert(UUID contactId) {
		return onContact(contactId, (engine, now) -> engine.divert(contactId, now));
	}

	@Override
	public ContactView accept(UUID contactId, UUID agentId) {
		return onContact(contactId, (engine, now) -> engine.accept(contactId, agentId, now));
	}

	@Override
	public ContactView decline(UUID contactId, UUID agentId) {
		return onContact(contactId, (engine, now) -> engine.decline(contactId, agentId, now));
	}

	@Override
	public ContactView requeue(UUID contactId, UUID agentId) {
		return onContact(contactId, (engine, now) -> engine.requeue(contactId, agentId, now));
	}

	@Override
	public ContactView complete(UUID contactId, UUID agentId) {
		return onContact(contactId, (engine, now) -> engine.complete(contactId, agentId, now));
	}

	@Override
	public AgentView setPresence(UUID agentId, Presence presence) {
		loop.execute((engine, now) -> engine.choosePresence(agentId, presence, now));
		return agentViews.find(agentId).orElseThrow(() -> new NotFound("Agent", agentId));
	}

	@Override
	public Optional<ContactView> contact(UUID contactId) {
		return contacts.find(contactId);
	}

	@Override
	public List<ContactView> queue(String queue) {
		if (queues.find(queue).isEmpty()) {
			throw new NotFound("Queue", queue);
		}
		return contacts.inQueue(queue);
	}

	@Override
	public List<AgentView> agents() {
		return agentViews.all();
	}

	@Override
	public List<Explanation> explanations(UUID contactId) {
		view(contactId);
		return decisions.of(contactId);
	}

	@Override
	public List<QueueDefinition> queues() {
		return queues.all();
	}

	Optional<QueueDefinition> queueDefinition(String name) {
		return queues.find(name);
	}

	@Override
	public QueueDefinition defineQueue(QueueDefinition queue) {
		queues.save(queue);
		loop.defineQueue(queue);
		return queue;
	}

	void deleteQueue(String name) {
		if (queues.find(name).isEmpty()) {
			throw new NotFound("Queue", name);
		}
		if (contacts.anyOpenIn(name)) {
			throw new Conflict("Queue " + name + " still has open contacts; route or close them first");
		}
		queues.delete(name);
	}

	/** A contact that is not open is a conflict, unless it never existed: then it is not found. */
	private ContactView onContact(UUID contactId, java.util.function.BiFunction<Engine, Instant, Changes> action) {
		try {
			return loop.execute(action, (engine, changes) -> engine.view(contactId, changes));
		}
		catch (Conflict e) {
			if (contacts.find(contactId).isEmpty()) {
				throw new NotFound("Contact", contactId);
			}
			throw e;
		}
	}

	private ContactView view(UUID contactId) {
		return contacts.find(contactId).orElseThrow(() -> new NotFound("Contact", contactId));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(StaffMemberSaved event) {
		refreshStaff();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(CompactTableChanged event) {
		refreshStaff();
	}

	private void refreshStaff() {
		loop.submit((engine, now) -> engine.staffChanged(directory.staff(), directory.compactTable(), now));
	}
}
