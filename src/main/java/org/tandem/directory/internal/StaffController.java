package org.tandem.directory.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tandem.core.NotFound;
import org.tandem.directory.StaffMember;

@RestController
@RequestMapping("/api/staff")
@Tag(name = "Staff", description = "Therapists and front-desk staff, with what routing matches on")
class StaffController {

	private final DirectoryManagement directory;

	StaffController(DirectoryManagement directory) {
		this.directory = directory;
	}

	@PostMapping
	@Operation(summary = "Add a staff member")
	ResponseEntity<StaffResource> add(@RequestBody StaffJson request) {
		StaffMember member = directory.add(request.toStaffMember(UUID.randomUUID(), true));
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(member.id())
			.toUri();
		return ResponseEntity.created(location).body(StaffResource.of(member));
	}

	@GetMapping
	@Operation(summary = "Everyone, deactivated staff included, by name")
	List<StaffResource> list() {
		return directory.everyone().stream().map(StaffResource::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One staff member")
	StaffResource one(@PathVariable UUID id) {
		return StaffResource.of(current(id));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a staff member; leaving out active keeps it as it is")
	StaffResource replace(@PathVariable UUID id, @RequestBody StaffJson request) {
		return StaffResource.of(directory.update(request.toStaffMember(id, current(id).active())));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Deactivate a staff member: kept for history, never routed to")
	ResponseEntity<Void> deactivate(@PathVariable UUID id) {
		directory.deactivate(id);
		return ResponseEntity.noContent().build();
	}

	private StaffMember current(UUID id) {
		return directory.find(id).orElseThrow(() -> new NotFound("staff member", id));
	}
}
