package org.tandem.routing.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.UUID;

import org.tandem.core.Conflict;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;
import org.tandem.directory.CompactTable;
import org.tandem.directory.StaffMember;
import org.tandem.routing.AgentPresenceChanged;
import org.tandem.routing.ContactAbandoned;
import org.tandem.routing.ContactAssigned;
import org.tandem.routing.ContactCompleted;
import org.tandem.routing.ContactDiverted;
import org.tandem.routing.ContactOffered;
import org.tandem.routing.ContactQueued;
import org.tandem.routing.ContactRequeued;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.ContactView;
import org.tandem.routing.OfferDeclined;
import org.tandem.routing.OfferTimedOut;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;

/**
 * The routing engine's state and rules, without threads or I/O: queues, open contacts in serving
 * order (priority, then original arrival), agents, and the timers that end offers, steps and wrap-up.
 * Each command returns the {@link Changes} it made; the caller persists them. Invariant after every
 * command: no waiting contact has an eligible agent free, so only what a command freed needs a look.
 */
public final class Engine {

	static final Comparator<ContactState> SERVING_ORDER = Comparator
		.comparingInt((ContactState c) -> -c.priority())
		.thenComparing(ContactState::arrivedAt)
		.thenComparingLong(ContactState::sequence);

	private enum TimerKind {
		OFFER_EXPIRES, STEP_ENDS, WRAP_UP_ENDS
	}

	private record Timer(Instant at, TimerKind kind, UUID id) {
	}

	private final RoutingProperties settings;
	private final Map<String, QueueDefinition> queues = new HashMap<>();
	private final Map<UUID, ContactState> open = new HashMap<>();
	private final TreeSet<ContactState> waiting = new TreeSet<>(SERVING_ORDER);
	private final Map<UUID, Query> queries = new HashMap<>();
	private final Map<UUID, AgentState> agents = new HashMap<>();
	private final PriorityQueue<Timer> timers = new PriorityQueue<>(Comparator.comparing(Timer::at));
	private AgentIndex index = new AgentIndex(List.of());
	private Matcher matcher = new Matcher(index);
	private CompactTable compactTable = new CompactTable(List.of());
	private long sequence;

	public Engine(RoutingProperties settings) {
		this.settings = settings;
	}

	// ---- set-up and recovery -------------------------------------------------------------------------

	/** Takes a new picture of the staff; contacts are re-examined against it. */
	public Changes staffChanged(List<StaffMember> staff, CompactTable table, Instant now) {
		compactTable = table;
		index = new AgentIndex(staff);
		matcher = new Matcher(index);
		index.refreshLicensure(now.atZone(ZoneOffset.UTC).toLocalDate(), compactTable);
		index.refreshHours(now);
		for (AgentState agent : agents.values()) {
			index.refresh(agent, now);
		}
		queries.clear();
		var changes = new Changes();
		dispatchAll(now, changes);
		return changes;
	}

	public void defineQueue(QueueDefinition queue) {
		queues.put(queue.name(), queue);
	}


	/** Puts back an agent as it was persisted. */
	public void restore(AgentState agent, Instant now) {
		agents.put(agent.id(), agent);
		index.refresh(agent, now);
		if (agent.presence() == Presence.WRAP_UP && agent.wrapUpUntil() != null) {
			timers.add(new Timer(agent.wrapUpUntil(), TimerKind.WRAP_UP_ENDS, agent.id()));
		}
	}

	/**
	 * Puts back an open contact as it was persisted. An offer that was in flight rings again, with a fresh
	 * timeout, if its agent is still there to take it; otherwise the contact goes back in line.
	 */
	public Changes restore(ContactState contact, Instant now) {
		var changes = new Changes();
		sequence = Math.max(sequence, contact.sequence());
		open.put(contact.id(), contact);
		if (contact.status() == ContactStatus.OFFERED) {
			AgentState agent = agents.get(contact.offeredTo());
			QueueDefinition queue = queues.get(contact.queue());
			boolean agentWaits = agent != null && contact.id().equals(agent.pendingOffer());
			if (agentWaits && queue != null && index.contains(agent.id())) {
				Instant expiresAt = now.plus(queue.offerTimeout());
				contact.renewOffer(expiresAt);
				changes.contacts.add(contact);
				changes.events.add(new ContactOffered(contact.id(), agent.id(), contact.queue(), contact.channel(),
						contact.offerStep(), expiresAt));
				timers.add(new Timer(expiresAt, TimerKind.OFFER_EXPIRES, contact.id()));
				return changes;
			}
			if (agentWaits) {
				agent.withdrawOffer(contact.id(), now);
				touch(agent, now, changes);
			}
			contact.returnOffer();
			changes.contacts.add(contact);
		}
		if (contact.status() == ContactStatus.WAITING) {
			waiting.add(contact);
			scheduleStep(contact, now);
		}
		return changes;
	}

	public void restoreSequence(long last) {
		sequence = Math.max(sequence, last);
	}

	/** After recovery: offer whatever can be offered. */
	public Changes resume(Instant now) {
		var changes = new Changes();
		dispatchAll(now, changes);
		return changes;
	}

	// ---- commands --------------------------------------------------------------------------------------

	public long nextSequence() {
		return ++sequence;
	}

	public Changes enqueue(ContactState contact, Instant now) {
		QueueDefinition queue = queues.get(contact.queue());
		if (queue == null) {
			throw new InvalidInput("queue", "there is no queue named '" + contact.queue() + "'");
		}
		if (open.containsKey(contact.id())) {
			throw new Conflict("Contact " + contact.id() + " exists already");
		}
		var changes = new Changes();
		open.put(contact.id(), contact);
		waiting.add(contact);
		changes.contacts.add(contact);
		changes.created.add(contact);
		changes.events.add(new ContactQueued(contact.id(), contact.queue(), contact.channel(), contact.priority(),
				contact.arrivedAt()));
		scheduleStep(contact, now);
		if (!dispatchContact(contact, now, changes)) {
			changes.explanations.add(explain(contact, queue, currentStep(contact, queue, now), Matcher.Choice.NONE, now));
		}
		return changes;
	}

	public Changes withdraw(UUID contactId, Instant now) {
		ContactState contact = find(contactId);
		var changes = new Changes();
		UUID offeredTo = contact.offeredTo();
		contact.abandon(now);
		changes.events.add(new ContactAbandoned(contact.id(), contact.queue(), contact.channel(), contact.waited(now)));
		return left(contact, offeredTo, now, changes);
	}

	public Changes divert(UUID contactId, Instant now) {
		ContactState contact = find(contactId);
		var changes = new Changes();
		UUID offeredTo = contact.offeredTo();
		contact.divert(now);
		changes.events.add(new ContactDiverted(contact.id(), contact.queue(), contact.channel(), contact.waited(now)));
		return left(contact, offeredTo, now, changes);
	}

	/** The contact is out of its queue; an agent it was offered to is free for the next one. */
	private Changes left(ContactState contact, UUID offeredTo, Instant now, Changes changes) {
		UUID contactId = contact.id();
		close(contact, changes);
		if (offeredTo != null) {
			AgentState agent = agent(offeredTo);
			agent.withdrawOffer(contactId, now);
			touch(agent, now, changes);
			dispatchAgent(agent, now, changes);
		}
		return changes;
	}

	public Changes accept(UUID contactId, UUID agentId, Instant now) {
		ContactState contact = find(contactId);
		AgentState agent = agent(agentId);
		if (contact.status() == ContactStatus.OFFERED && !now.isBefore(contact.offerExpiresAt())) {
			// Commands run before the batch's timers: an answer that came too late must not beat the timeout.
			throw new Conflict("The offer of contact " + contactId + " ran out at " + contact.offerExpiresAt());
		}
		contact.accept(agentId, now);
		agent.accept(contactId, now);
		var changes = new Changes();
		changes.contacts.add(contact);
		touch(agent, now, changes);
		changes.events.add(new ContactAssigned(contactId, agentId, contact.queue(), contact.channel(), contact.waited(now)));
		dispatchAgent(agent, now, changes);
		return changes;
	}

	public Changes decline(UUID contactId, UUID agentId, Instant now) {
		ContactState contact = find(contactId);
		AgentState agent = agent(agentId);
		contact.passOver(agentId);
		agent.decline(contactId, now);
		var changes = new Changes();
		changes.events.add(new OfferDeclined(contactId, agentId));
		backInLine(contact, agent, now, changes);
		return changes;
	}

	public Changes requeue(UUID contactId, UUID agentId, Instant now) {
		ContactState contact = find(contactId);
		AgentState agent = agent(agentId);
		contact.requeue(agentId);
		agent.release(contact.channel(), now);
		var changes = new Changes();
		changes.events.add(new ContactRequeued(contactId, agentId, contact.queue(), contact.channel()));
		// Its step timers stopped when it was taken; the same one may still be pending if that was moments ago.
		stepTimer(contact, now).filter(step -> !timers.contains(step)).ifPresent(timers::add);
		backInLine(contact, agent, now, changes);
		return changes;
	}

	public Changes complete(UUID contactId, UUID agentId, Instant now) {
		ContactState contact = find(contactId);
		AgentState agent = agent(agentId);
		contact.complete(agentId, now);
		agent.complete(contact.channel(), settings.wrapUp(), now);
		var changes = new Changes();
		close(contact, changes);
		touch(agent, now, changes);
		changes.events.add(new ContactCompleted(contactId, agentId, contact.queue(), contact.channel(),
				Duration.between(contact.assignedAt(), now)));
		if (agent.presence() == Presence.WRAP_UP) {
			timers.add(new Timer(agent.wrapUpUntil(), TimerKind.WRAP_UP_ENDS, agentId));
		}
		dispatchAgent(agent, now, changes);
		return changes;
	}

	public Changes choosePresence(UUID agentId, Presence presence, Instant now) {
		if (!index.contains(agentId)) {
			throw new NotFound("Active staff member", agentId);
		}
		AgentState agent = agents.computeIfAbsent(agentId, id -> new AgentState(id, now));
		var changes = new Changes();
		ContactState offered = agent.presence() == Presence.OFFERED ? open.get(agent.pendingOffer()) : null;
		// The agent checks the move before anything changes: a refused move must leave the offer where it was.
		agent.choose(presence, now);
		if (offered != null && agent.pendingOffer() == null) {
			offered.returnOffer();
			changes.contacts.add(offered);
			waiting.add(offered);
		}
		touch(agent, now, changes);
		dispatchAgent(agent, now, changes);
		if (offered != null && offered.status() == ContactStatus.WAITING) {
			dispatchContact(offered, now, changes);
		}
		return changes;
	}

	/** Fires every timer due at {@code now}, then refreshes working hours and licensure if the clock moved on. */
	public Changes tick(Instant now) {
		var changes = new Changes();
		while (!timers.isEmpty() && !timers.peek().at().isAfter(now)) {
			Timer timer = timers.poll();
			switch (timer.kind()) {
				case OFFER_EXPIRES -> offerExpired(timer.id(), now, changes);
				case STEP_ENDS -> stepEnded(timer.id(), now, changes);
				case WRAP_UP_ENDS -> wrapUpEnded(timer.id(), now, changes);
			}
		}
		if (!now.atZone(ZoneOffset.UTC).toLocalDate().equals(index.licensedOn())) {
			index.refreshLicensure(now.atZone(ZoneOffset.UTC).toLocalDate(), compactTable);
			// Contacts today start over, and the index holds yesterday's count of anyone not touched since.
			for (AgentState agent : agents.values()) {
				index.refresh(agent, now);
			}
			dispatchAll(now, changes);
		}
		long[] before = index.availableNow.clone();
		index.refreshHours(now);
		if (!java.util.Arrays.equals(before, index.availableNow)) {
			dispatchAll(now, changes);
		}
		return changes;
	}

	/** When {@link #tick} next has work: the earliest timer, or the next minute for working hours. */
	public Instant nextWakeUp(Instant now) {
		Instant minute = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
		return timers.isEmpty() || timers.peek().at().isAfter(minute) ? minute : timers.peek().at();
	}

	// ---- timers ----------------------------------------------------------------------------------------

	private void offerExpired(UUID contactId, Instant now, Changes changes) {
		ContactState contact = open.get(contactId);
		if (contact == null || contact.status() != ContactStatus.OFFERED || contact.offerExpiresAt().isAfter(now)) {
			return;
		}
		AgentState agent = agent(contact.offeredTo());
		contact.passOver(agent.id());
		agent.missOffer(contactId, settings.maxMissedOffers(), now);
		changes.events.add(new OfferTimedOut(contactId, agent.id()));
		backInLine(contact, agent, now, changes);
	}

	private void stepEnded(UUID contactId, Instant now, Changes changes) {
		ContactState contact = open.get(contactId);
		if (contact == null || contact.status() != ContactStatus.WAITING && contact.status() != ContactStatus.OFFERED) {
			return;
		}
		// An offered contact still needs its next boundary: if the offer fails, it waits at the wider step.
		scheduleStep(contact, now);
		if (contact.status() != ContactStatus.WAITING) {
			return;
		}
		QueueDefinition queue = queues.get(contact.queue());
		if (!dispatchContact(contact, now, changes) && queue != null) {
			changes.explanations.add(explain(contact, queue, currentStep(contact, queue, now), Matcher.Choice.NONE, now));
		}
	}

	private void wrapUpEnded(UUID agentId, Instant now, Changes changes) {
		AgentState agent = agents.get(agentId);
		if (agent == null || agent.presence() != Presence.WRAP_UP) {
			return;
		}
		agent.endWrapUp(now);
		if (agent.presence() == Presence.AVAILABLE) {
			touch(agent, now, changes);
			dispatchAgent(agent, now, changes);
		}
	}

	// ---- dispatching -----------------------------------------------------------------------------------

	private void backInLine(ContactState contact, AgentState agent, Instant now, Changes changes) {
		waiting.add(contact);
		changes.contacts.add(contact);
		touch(agent, now, changes);
		dispatchAgent(agent, now, changes);
		if (contact.status() == ContactStatus.WAITING) {
			dispatchContact(contact, now, changes);
		}
	}

	/** Offers {@code contact} if anyone is eligible; true when it was offered. */
	private boolean dispatchContact(ContactState contact, Instant now, Changes changes) {
		QueueDefinition queue = queues.get(contact.queue());
		if (queue == null || contact.status() != ContactStatus.WAITING) {
			return false;
		}
		Matcher.Choice choice = decide(contact, queue, now);
		if (choice.agent() < 0) {
			return false;
		}
		waiting.remove(contact);
		offer(contact, queue, choice, now, changes);
		return true;
	}

	/** An agent freed up: the first waiting contacts, in serving order, that they can take. */
	private void dispatchAgent(AgentState agent, Instant now, Changes changes) {
		int position = index.position(agent.id());
		if (position >= 0) {
			dispatchWhile(() -> Bits.get(index.offerable, position), now, changes);
		}
	}

	private void dispatchAll(Instant now, Changes changes) {
		dispatchWhile(() -> !Bits.isEmpty(index.offerable), now, changes);
	}

	/** Offers waiting contacts, in serving order, for as long as someone who might take them is free. */
	private void dispatchWhile(java.util.function.BooleanSupplier someoneFree, Instant now, Changes changes) {
		Iterator<ContactState> line = waiting.iterator();
		while (line.hasNext() && someoneFree.getAsBoolean()) {
			ContactState contact = line.next();
			QueueDefinition queue = queues.get(contact.queue());
			if (queue == null) {
				continue;
			}
			Matcher.Choice choice = decide(contact, queue, now);
			if (choice.agent() >= 0) {
				line.remove();
				offer(contact, queue, choice, now, changes);
			}
		}
	}

	Matcher.Choice decide(ContactState contact, QueueDefinition queue, Instant now) {
		Query query = queries.computeIfAbsent(contact.id(), id -> Query.of(contact, index));
		return matcher.decide(query, queue, currentStep(contact, queue, now), contact.passedOverView());
	}

	private void offer(ContactState contact, QueueDefinition queue, Matcher.Choice choice, Instant now,
			Changes changes) {
		AgentState agent = agent(index.ids[choice.agent()]);
		Instant expiresAt = now.plus(queue.offerTimeout());
		// Explained before the offer changes the agent's presence, so it shows what the decision saw.
		changes.explanations.add(explain(contact, queue, currentStep(contact, queue, now), choice, now));
		contact.offer(agent.id(), choice.step(), expiresAt);
		agent.offer(contact.id(), contact.channel(), now);
		matcher.chosen(queue.name(), choice.step(), choice.agent());
		changes.contacts.add(contact);
		touch(agent, now, changes);
		changes.events.add(new ContactOffered(contact.id(), agent.id(), contact.queue(), contact.channel(),
				choice.step(), expiresAt));
		timers.add(new Timer(expiresAt, TimerKind.OFFER_EXPIRES, contact.id()));
	}

	private org.tandem.routing.Explanation explain(ContactState contact, QueueDefinition queue, int step,
			Matcher.Choice choice, Instant now) {
		Query query = queries.computeIfAbsent(contact.id(), id -> Query.of(contact, index));
		return new Explainer(index, matcher, settings.explainedCandidates()).explain(contact, query, queue, step,
				choice, now);
	}

	// ---- steps -------------------------------------------------------------------------------------------

	/** Where a contact stands in its queue's steps: the step reached, and when it ends (null: never). */
	record StepReached(int step, Instant endsAt) {
	}

	/**
	 * Steps follow one another by their timeouts since the contact was queued. A step that cannot
	 * apply to this contact (its own therapist, when it has none) takes no time.
	 */
	static StepReached stepReached(ContactState contact, QueueDefinition queue, Instant now) {
		List<RoutingStep> steps = queue.steps();
		Instant end = contact.queuedAt();
		for (int step = 0; step < steps.size() - 1; step++) {
			if (!applies(steps.get(step), contact)) {
				continue;
			}
			if (steps.get(step).timeout() == null) {
				return new StepReached(step, null);
			}
			end = end.plus(steps.get(step).timeout());
			if (now.isBefore(end)) {
				return new StepReached(step, end);
			}
		}
		return new StepReached(steps.size() - 1, null);
	}

	static int currentStep(ContactState contact, QueueDefinition queue, Instant now) {
		return stepReached(contact, queue, now).step();
	}

	private static boolean applies(RoutingStep step, ContactState contact) {
		return step.target() != StepTarget.OWN_THERAPIST || contact.ownTherapist() != null;
	}

	private void scheduleStep(ContactState contact, Instant now) {
		stepTimer(contact, now).ifPresent(timers::add);
	}

	/** When the contact's current routing step ends, if it does. */
	private Optional<Timer> stepTimer(ContactState contact, Instant now) {
		QueueDefinition queue = queues.get(contact.queue());
		Instant end = queue == null ? null : stepReached(contact, queue, now).endsAt();
		return Optional.ofNullable(end).map(at -> new Timer(at, TimerKind.STEP_ENDS, contact.id()));
	}

	// ---- bookkeeping -------------------------------------------------------------------------------------

	private void touch(AgentState agent, Instant now, Changes changes) {
		index.refresh(agent, now);
		changes.agents.add(agent);
		changes.events.addAll(agent.drainMoves());
	}

	private void close(ContactState contact, Changes changes) {
		waiting.remove(contact);
		open.remove(contact.id());
		queries.remove(contact.id());
		changes.contacts.add(contact);
	}

	private ContactState find(UUID contactId) {
		ContactState contact = open.get(contactId);
		if (contact == null) {
			throw new Conflict("Contact " + contactId + " is not open (unknown, completed or abandoned)");
		}
		return contact;
	}

	private AgentState agent(UUID agentId) {
		AgentState agent = agents.get(agentId);
		if (agent == null) {
			throw new Conflict("Agent " + agentId + " has not signed in to routing");
		}
		return agent;
	}

	// ---- reads (loop thread only) --------------------------------------------------------------------

	/** The contact a command touched, as the API shows it; its place in line counted in memory. */
	public ContactView view(UUID contactId, Changes changes) {
		ContactState contact = changes.contacts.stream().filter(c -> c.id().equals(contactId)).findFirst()
			.orElseGet(() -> find(contactId));
		int position = 0;
		if (contact.status() == ContactStatus.WAITING) {
			position = 1;
			for (ContactState ahead : waiting.headSet(contact, false)) {
				if (ahead.queue().equals(contact.queue())) {
					position++;
				}
			}
		}
		return new ContactView(contact.id(), contact.queue(), contact.channel(), contact.priority(), contact.status(),
				contact.needs(), contact.clientId(), contact.coupleId(), contact.arrivedAt(), contact.queuedAt(),
				contact.offerStep(), contact.offeredTo(), contact.offerExpiresAt(), contact.assignedTo(),
				contact.assignedAt(), contact.endedAt(), position, contact.context());
	}

	public Collection<ContactState> openContacts() {
		return open.values();
	}

	public List<ContactState> waitingIn(String queue) {
		var list = new ArrayList<ContactState>();
		for (ContactState contact : waiting) {
			if (contact.queue().equals(queue)) {
				list.add(contact);
			}
		}
		return list;
	}

	public Collection<AgentState> agentStates() {
		return agents.values();
	}

	public AgentIndex index() {
		return index;
	}

}
