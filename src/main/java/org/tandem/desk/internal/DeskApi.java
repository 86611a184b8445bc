package org.tandem.desk.internal;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.clients.Client;
import org.tandem.clients.ClientRecords;
import org.tandem.core.Channel;
import org.tandem.core.Conflict;
import org.tandem.core.InvalidInput;
import org.tandem.routing.AgentView;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.ContactView;
import org.tandem.routing.Presence;
import org.tandem.routing.Routing;

/**
 * What the desktop's buttons do, always as the signed-in agent: their presence, and accept, decline, end,
 * transfer and wrap up contacts that are theirs. Failures are problem details; a late accept is a 409 that
 * says the offer went elsewhere.
 */
@RestController
@RequestMapping("/desk")
class DeskApi {

	record PresenceChange(Presence presence) {
	}

	record State(Presence presence, Instant since, Instant wrapUpUntil, Offer offer, List<UUID> open) {
	}

	record Offer(UUID contactId, Channel channel, String queue, Instant expiresAt) {
	}

	record TransferRequest(String queue) {
	}

	record Transferred(UUID contactId, String queue, Channel channel) {
	}

	record Today(UUID contactId, Instant assignedAt, Instant completedAt, Channel channel, String queue, String client,
			String disposition) {
	}

	private static final Duration OPEN_FOR_AT_MOST = Duration.ofDays(1);

	private final Agents agents;
	private final Routing routing;
	private final Cards cards;
	private final WrapUps wrapUps;
	private final Transfers transfers;
	private final HandledContacts handled;
	private final ClientRecords clients;
	private final Clock clock;

	DeskApi(Agents agents, Routing routing, Cards cards, WrapUps wrapUps, Transfers transfers, HandledContacts handled,
			ClientRecords clients, Clock clock) {
		this.agents = agents;
		this.routing = routing;
		this.cards = cards;
		this.wrapUps = wrapUps;
		this.transfers = transfers;
		this.handled = handled;
		this.clients = clients;
		this.clock = clock;
	}

	/** Read when the stream (re)connects, so that nothing sent while it was down is missed. */
	@GetMapping("/state")
	State state(Principal principal) {
		Agent agent = agents.require(principal);
		Optional<AgentView> view = routing.agents().stream().filter(a -> a.agentId().equals(agent.staffId())).findFirst();
		Offer offer = view.map(AgentView::pendingOffer).flatMap(routing::contact)
			.filter(c -> c.status() == ContactStatus.OFFERED && agent.staffId().equals(c.offeredTo()))
			.map(c -> new Offer(c.id(), c.channel(), c.queue(), c.offerExpiresAt()))
			.orElse(null);
		List<UUID> open = handled.ofAgentSince(agent.staffId(), clock.instant().minus(OPEN_FOR_AT_MOST)).stream()
			.filter(h -> h.completedAt() == null)
			.map(HandledContact::contactId)
			.filter(id -> routing.contact(id).filter(c -> c.status() == ContactStatus.ASSIGNED).isPresent())
			.toList();
		return new State(view.map(AgentView::presence).orElse(Presence.OFFLINE), view.map(AgentView::since).orElse(null),
				view.map(AgentView::wrapUpUntil).orElse(null), offer, open);
	}

	@PostMapping("/presence")
	RoutingRelay.PresenceNow presence(Principal principal, @RequestBody PresenceChange change) {
		Agent agent = agents.require(principal);
		InvalidInput.require(change != null && change.presence() != null && change.presence() != Presence.OFFERED
				&& change.presence() != Presence.BUSY && change.presence() != Presence.WRAP_UP, "presence",
				"choose AVAILABLE, AWAY or OFFLINE");
		AgentView view = routing.setPresence(agent.staffId(), change.presence());
		return new RoutingRelay.PresenceNow(view.presence(), view.since(), view.wrapUpUntil());
	}

	@GetMapping("/contacts/{id}")
	Card card(Principal principal, @PathVariable UUID id) {
		return cards.of(id, agents.require(principal));
	}

	@PostMapping("/contacts/{id}/accept")
	Card accept(Principal principal, @PathVariable UUID id) {
		Agent agent = agents.require(principal);
		try {
			routing.accept(id, agent.staffId());
		}
		catch (Conflict e) {
			throw new Conflict("This offer has passed to someone else.");
		}
		return cards.of(id, agent);
	}

	@PostMapping("/contacts/{id}/decline")
	ResponseEntity<Void> decline(Principal principal, @PathVariable UUID id) {
		Agent agent = agents.require(principal);
		try {
			routing.decline(id, agent.staffId());
		}
		catch (Conflict e) {
			throw new Conflict("This offer has already passed to someone else.");
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/contacts/{id}/end")
	Card end(Principal principal, @PathVariable UUID id) {
		Agent agent = agents.require(principal);
		ContactView contact = cards.theirs(id, agent);
		if (contact.status() != ContactStatus.ASSIGNED) {
			throw new Conflict("This contact has already ended.");
		}
		routing.complete(id, agent.staffId());
		return cards.of(id, agent);
	}

	@PostMapping("/contacts/{id}/transfer")
	ResponseEntity<Transferred> transfer(Principal principal, @PathVariable UUID id,
			@RequestBody TransferRequest request) {
		ContactView created = transfers.transfer(id, agents.require(principal), request == null ? null : request.queue());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new Transferred(created.id(), created.queue(), created.channel()));
	}

	@PutMapping("/contacts/{id}/note")
	Card note(Principal principal, @PathVariable UUID id, @RequestBody WrapUps.NoteRequest request) {
		Agent agent = agents.require(principal);
		wrapUps.save(id, agent, request);
		return cards.of(id, agent);
	}

	/** The agent's contacts from {@code from} (their own midnight, sent by the browser) on; the last day without it. */
	@GetMapping("/today")
	List<Today> today(Principal principal, @RequestParam(required = false) Instant from) {
		Agent agent = agents.require(principal);
		Instant now = clock.instant();
		Instant since = from == null || from.isAfter(now) || from.isBefore(now.minus(Duration.ofDays(2)))
				? now.minus(OPEN_FOR_AT_MOST) : from;
		return handled.ofAgentSince(agent.staffId(), since).stream()
			.map(h -> new Today(h.contactId(), h.assignedAt(), h.completedAt(), h.channel(), h.queue(),
					h.clientId() == null ? null : clients.find(h.clientId()).map(Client::name).orElse(null),
					h.disposition() == null ? null : h.disposition().label()))
			.toList();
	}
}
