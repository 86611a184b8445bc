package org.tandem.routing.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.tandem.core.Channel;
import org.tandem.core.Conflict;
import org.tandem.routing.AgentPresenceChanged;
import org.tandem.routing.Presence;

/**
 * One agent's presence, as a state machine: offline, available, offered (one offer pending), busy,
 * wrap-up (a timer brings them back) and away. Every move is checked here and nowhere else; an illegal
 * move throws {@link Conflict} and leaves the state as it was.
 */
public final class AgentState {

	private final UUID id;
	private Presence presence;
	private Instant since;
	private final EnumMap<Channel, Integer> active;
	private UUID pendingOffer;
	private Channel pendingChannel;
	private int missedInARow;
	private Instant wrapUpUntil;
	private Instant idleSince;
	private int contactsToday;
	private LocalDate today;
	private final List<AgentPresenceChanged> moves = new ArrayList<>();

	public AgentState(UUID id, Instant now) {
		this(id, Presence.OFFLINE, now, new EnumMap<>(Channel.class), null, null, 0, null, now, 0,
				now.atZone(ZoneOffset.UTC).toLocalDate());
	}

	AgentState(UUID id, Presence presence, Instant since, Map<Channel, Integer> active, UUID pendingOffer,
			Channel pendingChannel, int missedInARow, Instant wrapUpUntil, Instant idleSince, int contactsToday,
			LocalDate today) {
		this.id = id;
		this.presence = presence;
		this.since = since;
		this.active = new EnumMap<>(Channel.class);
		this.active.putAll(active);
		this.pendingOffer = pendingOffer;
		this.pendingChannel = pendingChannel;
		this.missedInARow = missedInARow;
		this.wrapUpUntil = wrapUpUntil;
		this.idleSince = idleSince;
		this.contactsToday = contactsToday;
		this.today = today;
	}

	/** The agent chose a presence: available, away or offline. */
	Presence choose(Presence target, Instant now) {
		switch (target) {
			case AVAILABLE -> {
				if (presence == Presence.BUSY || presence == Presence.OFFERED) {
					// Already taking work: a second click on "available" changes nothing.
					return presence;
				}
				missedInARow = 0;
				wrapUpUntil = null;
				return move(openContacts() > 0 ? Presence.BUSY : Presence.AVAILABLE, now);
			}
			case AWAY, OFFLINE -> {
				// Open contacts, not BUSY: an agent busy on one chat and offered another is OFFERED.
				require(openContacts() == 0, "go " + target.name().toLowerCase() + " while handling contacts");
				// Stepping away with an offer on screen hands the offer back; it is not a miss.
				clearOffer();
				wrapUpUntil = null;
				return move(target, now);
			}
			default -> throw new Conflict("An agent cannot choose to be " + target + "; the engine sets it");
		}
	}

	/** Whether the engine may offer this agent a contact now (capacity is checked separately). */
	boolean canBeOffered() {
		return presence == Presence.AVAILABLE || presence == Presence.BUSY;
	}

	void offer(UUID contactId, Channel channel, Instant now) {
		require(canBeOffered(), "receive an offer");
		pendingOffer = contactId;
		pendingChannel = channel;
		move(Presence.OFFERED, now);
	}

	void accept(UUID contactId, Instant now) {
		requireOffer(contactId, "accept");
		active.merge(pendingChannel, 1, Integer::sum);
		rollDay(now);
		contactsToday++;
		missedInARow = 0;
		clearOffer();
		move(Presence.BUSY, now);
	}

	void decline(UUID contactId, Instant now) {
		requireOffer(contactId, "decline");
		clearOffer();
		move(openContacts() > 0 ? Presence.BUSY : Presence.AVAILABLE, now);
	}

	/** The offer ran out; after {@code maxMissed} in a row an idle agent is set away. */
	void missOffer(UUID contactId, int maxMissed, Instant now) {
		requireOffer(contactId, "miss");
		clearOffer();
		missedInARow++;
		if (openContacts() > 0) {
			move(Presence.BUSY, now);
		}
		else {
			move(missedInARow >= maxMissed ? Presence.AWAY : Presence.AVAILABLE, now);
		}
	}

	/** The offer went away for a reason that is not the agent's (the caller hung up, a restart). */
	void withdrawOffer(UUID contactId, Instant now) {
		requireOffer(contactId, "lose");
		clearOffer();
		move(openContacts() > 0 ? Presence.BUSY : Presence.AVAILABLE, now);
	}

	void complete(Channel channel, Duration wrapUp, Instant now) {
		close(channel);
		if (openContacts() > 0) {
			return;
		}
		idleSince = now;
		if (presence == Presence.OFFERED) {
			// The offer on screen decides what comes next; only the idle time starts now.
			return;
		}
		if (wrapUp.isZero()) {
			move(Presence.AVAILABLE, now);
		}
		else {
			wrapUpUntil = now.plus(wrapUp);
			move(Presence.WRAP_UP, now);
		}
	}

	/**
	 * A contact they took never reached them: it is no longer theirs, nor one of today's, and with nothing
	 * else open they are free for the next one, without a wrap-up.
	 */
	void release(Channel channel, Instant now) {
		close(channel);
		contactsToday = Math.max(0, contactsToday - 1);
		if (openContacts() == 0 && presence == Presence.BUSY) {
			move(Presence.AVAILABLE, now);
		}
	}

	/** The wrap-up timer ran out. */
	void endWrapUp(Instant now) {
		if (presence == Presence.WRAP_UP && wrapUpUntil != null && !now.isBefore(wrapUpUntil)) {
			wrapUpUntil = null;
			move(Presence.AVAILABLE, now);
		}
	}

	private void close(Channel channel) {
		Integer open = active.get(channel);
		require(open != null && open > 0, "close a " + channel + " contact it does not have");
		if (open == 1) {
			active.remove(channel);
		}
		else {
			active.put(channel, open - 1);
		}
	}

	private Presence move(Presence target, Instant now) {
		if (target != presence) {
			moves.add(new AgentPresenceChanged(id, presence, target, now));
			presence = target;
			since = now;
		}
		return presence;
	}

	private void clearOffer() {
		pendingOffer = null;
		pendingChannel = null;
	}

	private void requireOffer(UUID contactId, String verb) {
		if (presence != Presence.OFFERED || !contactId.equals(pendingOffer)) {
			throw new Conflict("Agent " + id + " cannot " + verb + " contact " + contactId + ": it is not offered to them"
					+ (pendingOffer == null ? "" : " (their pending offer is " + pendingOffer + ")"));
		}
	}

	private void require(boolean allowed, String what) {
		if (!allowed) {
			throw new Conflict("Agent " + id + " cannot " + what + " while " + presence);
		}
	}

	private void rollDay(Instant now) {
		LocalDate date = now.atZone(ZoneOffset.UTC).toLocalDate();
		if (!date.equals(today)) {
			today = date;
			contactsToday = 0;
		}
	}

	/** The presence moves since the last call, as events. */
	List<AgentPresenceChanged> drainMoves() {
		var drained = List.copyOf(moves);
		moves.clear();
		return drained;
	}

	public int openContacts() {
		int sum = 0;
		for (int count : active.values()) {
			sum += count;
		}
		return sum;
	}

	public int active(Channel channel) {
		return active.getOrDefault(channel, 0);
	}

	public UUID id() {
		return id;
	}

	public Presence presence() {
		return presence;
	}

	public Instant since() {
		return since;
	}

	public Map<Channel, Integer> activeByChannel() {
		return Map.copyOf(active);
	}

	public UUID pendingOffer() {
		return pendingOffer;
	}

	public Channel pendingChannel() {
		return pendingChannel;
	}

	public int missedInARow() {
		return missedInARow;
	}

	public Instant wrapUpUntil() {
		return wrapUpUntil;
	}

	public Instant idleSince() {
		return idleSince;
	}

	public int contactsToday(Instant now) {
		return now.atZone(ZoneOffset.UTC).toLocalDate().equals(today) ? contactsToday : 0;
	}

	public LocalDate today() {
		return today;
	}
}
