package org.tandem.routing.internal;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.tandem.routing.AgentPresenceChanged;
import org.tandem.routing.ContactAbandoned;
import org.tandem.routing.ContactAssigned;
import org.tandem.routing.ContactCompleted;
import org.tandem.routing.ContactOffered;
import org.tandem.routing.ContactQueued;
import org.tandem.routing.ContactRequeued;
import org.tandem.routing.OfferDeclined;
import org.tandem.routing.OfferTimedOut;

/** Every routing event, from whichever thread published it (the routing loop's, mostly). */
@TestConfiguration
class RoutingEventLog {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener({ ContactQueued.class, ContactOffered.class, OfferDeclined.class, OfferTimedOut.class,
			ContactAssigned.class, ContactRequeued.class, ContactAbandoned.class, ContactCompleted.class,
			AgentPresenceChanged.class })
	void on(Object event) {
		events.add(event);
	}

	<T> List<T> of(Class<T> type) {
		return events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	List<ContactOffered> offersOf(UUID contactId) {
		return of(ContactOffered.class).stream().filter(offer -> offer.contactId().equals(contactId)).toList();
	}
}
