package org.tandem.security.internal;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.core.InvalidInput;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "The append-only, hash-chained audit log")
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "Audit events, newest first; every filter is optional, 'to' is exclusive")
	List<AuditLog.AuditEntry> find(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String targetType,
			@RequestParam(required = false) String targetId, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		InvalidInput.require(page >= 0, "page", "page counts from 0");
		InvalidInput.require(size >= 1 && size <= 500, "size", "size is 1 to 500");
		return audit.find(new AuditLog.AuditQuery(actor, action, targetType, targetId, outcome, from, to, page, size));
	}

	@GetMapping("/verify")
	@Operation(summary = "Walk the whole chain and name the first row that does not add up")
	AuditLog.ChainVerification verify() {
		return audit.verify();
	}
}
