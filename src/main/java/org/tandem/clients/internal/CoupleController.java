package org.tandem.clients.internal;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tandem.clients.ClientRecords;
import org.tandem.core.NotFound;

@RestController
@RequestMapping("/api/couples")
class CoupleController {

	private final CoupleRegistry registry;
	private final ClientRecords records;

	CoupleController(CoupleRegistry registry, ClientRecords records) {
		this.registry = registry;
		this.records = records;
	}

	@PostMapping
	ResponseEntity<CoupleJson> open(@RequestBody CoupleJson body) {
		var couple = registry.open(body);
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(couple.id()).toUri();
		return ResponseEntity.created(location).body(CoupleJson.of(couple));
	}

	@GetMapping("/{id}")
	CoupleJson get(@PathVariable UUID id) {
		return records.findCouple(id).map(CoupleJson::of).orElseThrow(() -> new NotFound("couple case", id));
	}

	@PutMapping("/{id}")
	CoupleJson update(@PathVariable UUID id, @RequestBody CoupleJson body) {
		return CoupleJson.of(registry.update(id, body));
	}

	@PostMapping("/{id}/close")
	CoupleJson close(@PathVariable UUID id) {
		return CoupleJson.of(registry.close(id));
	}
}
