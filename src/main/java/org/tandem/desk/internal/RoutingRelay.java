package org.tandem.desk.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tandem.core.Channel;
import org.tandem.platform.Threads;
import org.tandem.routing.AgentPresenceChanged;
import org.tandem.routing.ContactAbandoned;
import org.tandem.routing.ContactAssigned;
import org.tandem.routing.ContactCompleted;
import org.tandem.routing.ContactDiverted;
import org.tandem.routing.ContactOffered;
import org.tandem.routing.ContactRequeued;
import org.tandem.routing.ContactView;
import org.tandem.routing.OfferDeclined;
import org.tandem.routing.OfferTimedOut;
import org.tandem.routing.Presence;
import org.tandem.routing.Routing;

/**
 * Tells each agent's desktop what routing did to them. Routing publishes on its one loop thread, inside the
 * transaction that made the decision; these listeners run once it has committed (so whatever the desktop
 * reads next is there) and only hand the work to a thread of their own, in order, since the loop must never
 * wait for a browser or a query. Events carry ids and times, never a client's details: the desktop asks for
 * the card, and that request is checked and audited like any other.
 */
@Component
class RoutingRelay {

	private static final Logger log = LoggerFactory.getLogger(RoutingRelay.class);

	record Offered(UUID contactId, Channel channel, String queue, Instant expiresAt) {
	}

	record Ended(UUID contactId, String reason) {
	}

	record Changed(UUID contactId) {
	}

	record PresenceNow(Presence presence, Instant since, Instant wrapUpUntil) {
	}

	private final DeskStreams streams;
	private final HandledContacts handled;
	private final Routing routing;
	private final Clock clock;

	/** Offers in flight, so that a caller who hangs up can be taken off the desktop that was offered them. */
	private final Map<UUID, UUID> offers = new ConcurrentHashMap<>();

	private final ExecutorService worker = Executors.newSingleThreadExecutor(Threads.named("desk-events"));

	RoutingRelay(DeskStreams streams, HandledContacts handled, Routing routing, Clock clock) {
		this.streams = streams;
		this.handled = handled;
		this.routing = routing;
		this.clock = clock;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ContactOffered offered) {
		offers.put(offered.contactId(), offered.agentId());
		later(() -> streams.send(offered.agentId(), "offered",
				new Offered(offered.contactId(), offered.channel(), offered.queue(), offered.expiresAt())));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(OfferTimedOut timedOut) {
		offers.remove(timedOut.contactId(), timedOut.agentId());
		later(() -> streams.send(timedOut.agentId(), "offer-ended", new Ended(timedOut.contactId(), "timed-out")));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(OfferDeclined declined) {
		offers.remove(declined.contactId(), declined.agentId());
		later(() -> streams.send(declined.agentId(), "offer-ended", new Ended(declined.contactId(), "declined")));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ContactAbandoned abandoned) {
		offerWithdrawn(abandoned.contactId());
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ContactDiverted diverted) {
		offerWithdrawn(diverted.contactId());
	}

	private void offerWithdrawn(UUID contactId) {
		UUID agent = offers.remove(contactId);
		if (agent != null) {
			later(() -> streams.send(agent, "offer-ended", new Ended(contactId, "withdrawn")));
		}
	}

	/** Written down before the desktop hears of it, so that its list of the day already holds the contact. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(ContactAssigned assigned) {
		offers.remove(assigned.contactId());
		later(() -> {
			var contact = routing.contact(assigned.contactId());
			handled.assigned(assigned.contactId(), assigned.agentId(), contact.map(ContactView::clientId).orElse(null),
					assigned.queue(), assigned.channel(), contact.map(ContactView::assignedAt).orElseGet(clock::instant));
			streams.send(assigned.agentId(), "assigned", new Changed(assigned.contactId()));
		});
	}

	/** Off the agent's list of the day: the contact never reached them. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(ContactRequeued requeued) {
		later(() -> {
			handled.requeued(requeued.contactId(), requeued.agentId());
			streams.send(requeued.agentId(), "requeued", new Changed(requeued.contactId()));
		});
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ContactCompleted completed) {
		later(() -> {
			handled.completed(completed.contactId(),
					routing.contact(completed.contactId()).map(ContactView::endedAt).orElseGet(clock::instant));
			streams.send(completed.agentId(), "completed", new Changed(completed.contactId()));
		});
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AgentPresenceChanged changed) {
		if (!streams.isOpen(changed.agentId())) {
			return;
		}
		later(() -> routing.agents().stream().filter(agent -> agent.agentId().equals(changed.agentId())).findFirst()
			.ifPresent(agent -> streams.send(agent.agentId(), "presence",
					new PresenceNow(agent.presence(), agent.since(), agent.wrapUpUntil()))));
	}

	private void later(Runnable work) {
		worker.execute(() -> {
			try {
				work.run();
			}
			catch (RuntimeException e) {
				log.warn("Could not bring a routing event to the desktop", e);
			}
		});
	}

	@PreDestroy
	void stop() {
		worker.shutdown();
	}
}
