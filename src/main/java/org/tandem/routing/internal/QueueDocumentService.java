package org.tandem.routing.internal;

import org.springframework.stereotype.Service;
import org.tandem.core.Documents;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.QueueDocuments;
import tools.jackson.databind.json.JsonMapper;

/** The queues API's document, read and written for pages, through the same {@link QueueDocument} and checks. */
@Service
class QueueDocumentService implements QueueDocuments {

	private final RoutingService routing;
	private final JsonMapper json;

	QueueDocumentService(RoutingService routing, JsonMapper json) {
		this.routing = routing;
		this.json = json;
	}

	@Override
	public String document(String name) {
		var queue = routing.queueDefinition(name).orElseThrow(() -> new NotFound("Queue", name));
		return json.writerWithDefaultPrettyPrinter().writeValueAsString(QueueDocument.of(queue));
	}

	@Override
	public QueueDefinition save(String name, String document) {
		QueueDocument read = Documents.read(json, document, QueueDocument.class);
		InvalidInput.require(read.name() == null || read.name().equals(name), "name",
				"the name in the document must be the queue's, " + name + ", or be left out");
		QueueDefinition definition = new QueueDocument(name, read.offerTimeoutSeconds(), read.steps()).toDefinition();
		return routing.defineQueue(definition);
	}
}
