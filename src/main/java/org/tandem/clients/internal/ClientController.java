package org.tandem.clients.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tandem.core.NotFound;
import org.tandem.core.PhoneNumber;
import org.tandem.core.UsState;

@RestController
@RequestMapping("/api/clients")
class ClientController {

	private final ClientRegistry registry;

	ClientController(ClientRegistry registry) {
		this.registry = registry;
	}

	@PostMapping
	ResponseEntity<ClientJson> register(@RequestBody ClientJson body) {
		var client = registry.register(body);
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(client.id()).toUri();
		return ResponseEntity.created(location).body(ClientJson.of(client));
	}

	@GetMapping("/{id}")
	ClientJson get(@PathVariable UUID id) {
		return registry.find(id).map(ClientJson::of).orElseThrow(() -> new NotFound("client", id));
	}

	@PutMapping("/{id}")
	ClientJson update(@PathVariable UUID id, @RequestBody ClientJson body) {
		return ClientJson.of(registry.update(id, body));
	}

	/** Caller ID lookup; the parameter is optional only so that its absence is reported like a bad number. */
	@GetMapping
	List<ClientJson> findByPhone(@RequestParam(required = false) String phone) {
		return registry.findByPhone(PhoneNumber.parse(phone, "phone")).stream().map(ClientJson::of).toList();
	}

	@PutMapping("/{id}/location")
	ClientJson.LocationJson confirmLocation(@PathVariable UUID id, @RequestBody ClientJson.LocationJson body) {
		return ClientJson.LocationJson.of(registry.confirmLocation(id, UsState.of(body.state(), "state")));
	}

	@GetMapping("/{id}/couple")
	CoupleJson coupleOf(@PathVariable UUID id) {
		if (registry.find(id).isEmpty()) {
			throw new NotFound("client", id);
		}
		return registry.coupleOf(id).map(CoupleJson::of).orElseThrow(() -> new NotFound("open couple case of client", id));
	}
}
