package org.tandem.routing.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;
import org.tandem.routing.AgentView;
import org.tandem.routing.ContactRequest;
import org.tandem.routing.ContactView;
import org.tandem.routing.Explanation;
import org.tandem.routing.Presence;

/** Contacts and agents over HTTP: create and withdraw contacts, agents' presence and offers. */
@RestController
@RequestMapping("/api")
class ContactsController {

	record AgentAction(UUID agentId) {
	}

	record PresenceChange(Presence presence) {
	}

	private final RoutingService routing;

	ContactsController(RoutingService routing) {
		this.routing = routing;
	}

	@PostMapping("/contacts")
	ResponseEntity<ContactView> create(@RequestBody ContactRequest request) {
		ContactView contact = routing.enqueue(request);
		return ResponseEntity.created(URI.create("/api/contacts/" + contact.id())).body(contact);
	}

	@GetMapping("/contacts/{id}")
	ContactView contact(@PathVariable UUID id) {
		return routing.contact(id).orElseThrow(() -> new NotFound("Contact", id));
	}

	@PostMapping("/contacts/{id}/withdraw")
	ContactView withdraw(@PathVariable UUID id) {
		return routing.withdraw(id);
	}

	@PostMapping("/contacts/{id}/divert")
	ContactView divert(@PathVariable UUID id) {
		return routing.divert(id);
	}

	@PostMapping("/contacts/{id}/accept")
	ContactView accept(@PathVariable UUID id, @RequestBody AgentAction action) {
		return routing.accept(id, agent(action));
	}

	@PostMapping("/contacts/{id}/decline")
	ContactView decline(@PathVariable UUID id, @RequestBody AgentAction action) {
		return routing.decline(id, agent(action));
	}

	@PostMapping("/contacts/{id}/complete")
	ContactView complete(@PathVariable UUID id, @RequestBody AgentAction action) {
		return routing.complete(id, agent(action));
	}

	@GetMapping("/contacts/{id}/decisions")
	List<Explanation> decisions(@PathVariable UUID id) {
		return routing.explanations(id);
	}

	@GetMapping("/agents")
	List<AgentView> agents() {
		return routing.agents();
	}

	@PutMapping("/agents/{id}/presence")
	AgentView presence(@PathVariable UUID id, @RequestBody PresenceChange change) {
		InvalidInput.require(change != null && change.presence() != null, "presence",
				"presence is required: AVAILABLE, AWAY or OFFLINE");
		return routing.setPresence(id, change.presence());
	}

	private static UUID agent(AgentAction action) {
		InvalidInput.require(action != null && action.agentId() != null, "agentId", "agentId is required");
		return action.agentId();
	}
}
