package org.tandem.routing.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.tandem.core.Channel;
import org.tandem.core.Conflict;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.Needs;

/**
 * One contact's life, as a state machine: waiting → offered → assigned → completed, back to waiting on
 * a decline, a missed offer or a requeue, and abandoned or diverted from waiting or offered. Illegal moves throw
 * {@link Conflict} and change nothing.
 */
public final class ContactState {

	private final UUID id;
	private final long sequence;
	private final String queue;
	private final Channel channel;
	private final int priority;
	private final Needs needs;
	private final UUID clientId;
	private final UUID coupleId;
	private final UUID ownTherapist;
	private final Instant arrivedAt;
	private final Instant queuedAt;
	private final Map<String, String> context;
	private final Set<UUID> passedOver;
	private ContactStatus status;
	private UUID offeredTo;
	private Instant offerExpiresAt;
	private int offerStep;
	private UUID assignedTo;
	private Instant assignedAt;
	private Instant endedAt;

	ContactState(UUID id, long sequence, String queue, Channel channel, int priority, Needs needs, UUID clientId,
			UUID coupleId, UUID ownTherapist, Instant arrivedAt, Instant queuedAt, Map<String, String> context) {
		this(id, sequence, queue, channel, priority, needs, clientId, coupleId, ownTherapist, arrivedAt, queuedAt,
				context, Set.of(), ContactStatus.WAITING, null, null, 0, null, null, null);
	}

	ContactState(UUID id, long sequence, String queue, Channel channel, int priority, Needs needs, UUID clientId,
			UUID coupleId, UUID ownTherapist, Instant arrivedAt, Instant queuedAt, Map<String, String> context,
			Set<UUID> passedOver, ContactStatus status, UUID offeredTo, Instant offerExpiresAt, int offerStep,
			UUID assignedTo, Instant assignedAt, Instant endedAt) {
		this.id = id;
		this.sequence = sequence;
		this.queue = queue;
		this.channel = channel;
		this.priority = priority;
		this.needs = needs;
		this.clientId = clientId;
		this.coupleId = coupleId;
		this.ownTherapist = ownTherapist;
		this.arrivedAt = arrivedAt;
		this.queuedAt = queuedAt;
		this.context = Map.copyOf(context);
		this.passedOver = new HashSet<>(passedOver);
		this.status = status;
		this.offeredTo = offeredTo;
		this.offerExpiresAt = offerExpiresAt;
		this.offerStep = offerStep;
		this.assignedTo = assignedTo;
		this.assignedAt = assignedAt;
		this.endedAt = endedAt;
	}

	void offer(UUID agent, int step, Instant expiresAt) {
		require(status == ContactStatus.WAITING, "be offered");
		status = ContactStatus.OFFERED;
		offeredTo = agent;
		offerStep = step;
		offerExpiresAt = expiresAt;
	}

	/** The same offer rings again after a restart, with a new deadline. */
	void renewOffer(Instant expiresAt) {
		require(status == ContactStatus.OFFERED, "have its offer renewed");
		offerExpiresAt = expiresAt;
	}

	void accept(UUID agent, Instant now) {
		requireOfferedTo(agent, "be accepted");
		status = ContactStatus.ASSIGNED;
		assignedTo = agent;
		assignedAt = now;
		offeredTo = null;
		offerExpiresAt = null;
	}

	/** Declined or missed: back in line, never offered to that agent again. */
	void passOver(UUID agent) {
		requireOfferedTo(agent, "be passed over");
		passedOver.add(agent);
		backToWaiting();
	}

	/** Taken, but it never reached the agent: back in line at its place, never offered to that agent again. */
	void requeue(UUID agent) {
		require(status == ContactStatus.ASSIGNED && agent.equals(assignedTo), "be put back in line by agent " + agent);
		passedOver.add(agent);
		assignedTo = null;
		assignedAt = null;
		backToWaiting();
	}

	/** The offer went away for a reason that is not the agent's: back in line, the agent still eligible. */
	void returnOffer() {
		require(status == ContactStatus.OFFERED, "return an offer");
		backToWaiting();
	}

	void complete(UUID agent, Instant now) {
		require(status == ContactStatus.ASSIGNED && agent.equals(assignedTo), "be completed by agent " + agent);
		status = ContactStatus.COMPLETED;
		endedAt = now;
	}

	void abandon(Instant now) {
		leave(ContactStatus.ABANDONED, now);
	}

	void divert(Instant now) {
		leave(ContactStatus.DIVERTED, now);
	}

	private void leave(ContactStatus left, Instant now) {
		require(status == ContactStatus.WAITING || status == ContactStatus.OFFERED,
				"be " + left.name().toLowerCase(Locale.ROOT));
		status = left;
		offeredTo = null;
		offerExpiresAt = null;
		endedAt = now;
	}

	private void backToWaiting() {
		status = ContactStatus.WAITING;
		offeredTo = null;
		offerExpiresAt = null;
	}

	private void requireOfferedTo(UUID agent, String what) {
		if (status != ContactStatus.OFFERED || !agent.equals(offeredTo)) {
			throw new Conflict("Contact " + id + " cannot " + what + " by agent " + agent + ": it is " + status
					+ (offeredTo == null ? "" : " (offered to " + offeredTo + ")"));
		}
	}

	private void require(boolean allowed, String what) {
		if (!allowed) {
			throw new Conflict("Contact " + id + " cannot " + what + ": it is " + status);
		}
	}

	Duration waited(Instant now) {
		return Duration.between(arrivedAt, assignedAt != null ? assignedAt : now);
	}

	public UUID id() {
		return id;
	}

	public long sequence() {
		return sequence;
	}

	public String queue() {
		return queue;
	}

	public Channel channel() {
		return channel;
	}

	public int priority() {
		return priority;
	}

	public Needs needs() {
		return needs;
	}

	public UUID clientId() {
		return clientId;
	}

	public UUID coupleId() {
		return coupleId;
	}

	public UUID ownTherapist() {
		return ownTherapist;
	}

	public Instant arrivedAt() {
		return arrivedAt;
	}

	public Instant queuedAt() {
		return queuedAt;
	}

	public Map<String, String> context() {
		return context;
	}

	public Set<UUID> passedOver() {
		return Set.copyOf(passedOver);
	}

	/** The live set, for the matcher's read-only use inside the routing loop. */
	Set<UUID> passedOverView() {
		return java.util.Collections.unmodifiableSet(passedOver);
	}

	public ContactStatus status() {
		return status;
	}

	public UUID offeredTo() {
		return offeredTo;
	}

	public Instant offerExpiresAt() {
		return offerExpiresAt;
	}

	public int offerStep() {
		return offerStep;
	}

	public UUID assignedTo() {
		return assignedTo;
	}

	public Instant assignedAt() {
		return assignedAt;
	}

	public Instant endedAt() {
		return endedAt;
	}
}
