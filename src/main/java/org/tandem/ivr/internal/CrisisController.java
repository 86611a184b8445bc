package org.tandem.ivr.internal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.core.InvalidInput;
import org.tandem.ivr.CrisisConfiguration;

/** The crisis configuration over HTTP, read and replaced whole. */
@RestController
@RequestMapping("/api/ivr/crisis")
class CrisisController {

	private final CrisisConfigurations configurations;

	CrisisController(CrisisConfigurations configurations) {
		this.configurations = configurations;
	}

	@GetMapping
	CrisisConfiguration current() {
		return configurations.current();
	}

	@PutMapping
	CrisisConfiguration replace(@RequestBody(required = false) CrisisConfiguration configuration) {
		InvalidInput.require(configuration != null, "body", "a crisis configuration is required");
		configurations.replace(configuration);
		return configurations.current();
	}
}
