package org.tandem.routing.internal;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;
import org.tandem.routing.ContactView;

/** Queues and their routing steps over HTTP. */
@RestController
@RequestMapping("/api/queues")
class QueuesController {

	private final RoutingService routing;

	QueuesController(RoutingService routing) {
		this.routing = routing;
	}

	@GetMapping
	List<QueueDocument> all() {
		return routing.queues().stream().map(QueueDocument::of).toList();
	}

	@GetMapping("/{name}")
	QueueDocument one(@PathVariable String name) {
		return routing.queueDefinition(name).map(QueueDocument::of).orElseThrow(() -> new NotFound("Queue", name));
	}

	@PutMapping("/{name}")
	QueueDocument save(@PathVariable String name, @RequestBody QueueDocument document) {
		InvalidInput.require(document != null, "body", "a queue document is required");
		InvalidInput.require(document.name() == null || document.name().equals(name), "name",
				"the name in the body must match the URL, or be left out");
		var definition = new QueueDocument(name, document.offerTimeoutSeconds(), document.steps()).toDefinition();
		routing.defineQueue(definition);
		return QueueDocument.of(definition);
	}

	@DeleteMapping("/{name}")
	ResponseEntity<Void> delete(@PathVariable String name) {
		routing.deleteQueue(name);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{name}/contacts")
	List<ContactView> contacts(@PathVariable String name) {
		return routing.queue(name);
	}
}
