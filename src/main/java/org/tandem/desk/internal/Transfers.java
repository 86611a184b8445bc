package org.tandem.desk.internal;

import java.util.LinkedHashMap;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.tandem.core.Channel;
import org.tandem.core.Conflict;
import org.tandem.core.InvalidInput;
import org.tandem.routing.ContactRequest;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.ContactView;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.Routing;

/**
 * Hands a contact on to another queue: a new contact there with the same needs, client and context (plus who
 * sent it and from where), keeping the original's place in line, and this one completed. The desktop cannot
 * move a call's audio, so a call goes on as a callback: the agent tells the caller someone will ring them back.
 */
@Service
class Transfers {

	private final Routing routing;
	private final Cards cards;

	Transfers(Routing routing, Cards cards) {
		this.routing = routing;
		this.cards = cards;
	}

	ContactView transfer(UUID contactId, Agent agent, String queue) {
		ContactView contact = cards.theirs(contactId, agent);
		if (contact.status() != ContactStatus.ASSIGNED || !agent.staffId().equals(contact.assignedTo())) {
			throw new Conflict("Only a contact you are working on can be transferred.");
		}
		InvalidInput.require(queue != null && routing.queues().stream().map(QueueDefinition::name).anyMatch(queue::equals),
				"queue", "choose one of the practice's queues");
		InvalidInput.require(!queue.equals(contact.queue()), "queue", "the contact is already in " + queue);
		var context = new LinkedHashMap<>(contact.context());
		context.put("transferredBy", agent.name());
		context.put("transferredFrom", contact.queue());
		Channel channel = contact.channel() == Channel.VOICE ? Channel.CALLBACK : contact.channel();
		ContactView created = routing.enqueue(new ContactRequest(queue, channel, contact.priority(), contact.needs(),
				contact.clientId(), contact.coupleId(), contact.id(), context));
		routing.complete(contact.id(), agent.staffId());
		return created;
	}
}
