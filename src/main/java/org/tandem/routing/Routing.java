package org.tandem.routing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The routing engine's entry points. Every call is applied by the one routing loop, in order, and is
 * durable in PostgreSQL when it returns; illegal moves (accepting an offer that timed out, completing
 * a contact twice) throw {@link org.tandem.core.Conflict} and change nothing.
 */
public interface Routing {

	/** Creates or replaces a queue; its waiting contacts follow the new steps from now on. */
	QueueDefinition defineQueue(QueueDefinition queue);

	ContactView enqueue(ContactRequest request);

	/**
	 * The same, under an id the caller drew beforehand ({@link UUID#randomUUID()}), so that it can listen for
	 * news of the contact, such as its first offer, before the contact exists. An id already used is refused.
	 */
	ContactView enqueue(UUID contactId, ContactRequest request);

	/** The contact leaves before being taken (the caller hung up): abandoned, with its wait. */
	ContactView withdraw(UUID contactId);

	/**
	 * The contact leaves before being taken for another way to reach the practice (the caller chose a
	 * callback or a voicemail): diverted, so it counts as neither answered nor abandoned.
	 */
	ContactView divert(UUID contactId);

	ContactView accept(UUID contactId, UUID agentId);

	ContactView decline(UUID contactId, UUID agentId);

	/**
	 * The agent took the contact but it could not be put through to them (their phone was busy, refused the
	 * call or was not there): it goes back in line at its place, is never offered to that agent again, and
	 * counts as answered only when someone else takes it.
	 */
	ContactView requeue(UUID contactId, UUID agentId);

	ContactView complete(UUID contactId, UUID agentId);

	AgentView setPresence(UUID agentId, Presence presence);

	Optional<ContactView> contact(UUID contactId);

	/** Every defined queue, by name. */
	List<QueueDefinition> queues();

	/** Waiting and offered contacts of a queue, in the order they will be served. */
	List<ContactView> queue(String queue);

	List<AgentView> agents();

	List<Explanation> explanations(UUID contactId);
}
