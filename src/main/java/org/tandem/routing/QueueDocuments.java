package org.tandem.routing;

/**
 * Queues as the API reads and writes them (JSON, durations in whole seconds), for pages that let an
 * administrator edit the very document the API takes. A document that does not hold is
 * {@link org.tandem.core.InvalidInput} naming its path ({@code steps[1].target}), and nothing changes.
 */
public interface QueueDocuments {

	/** The queue as {@code GET /api/queues/{name}} shows it; a {@link org.tandem.core.NotFound} if none. */
	String document(String name);

	/** Creates or replaces the queue as {@code PUT /api/queues/{name}} does. */
	QueueDefinition save(String name, String document);
}
