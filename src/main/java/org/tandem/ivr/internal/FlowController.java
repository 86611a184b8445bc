package org.tandem.ivr.internal;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.core.InvalidInput;
import org.tandem.ivr.FlowVersion;
import tools.jackson.databind.json.JsonMapper;

/** Flows over HTTP: each PUT stores a new version; a version answers a number once activated on it. */
@RestController
@RequestMapping("/api/ivr/flows")
class FlowController {

	record Activation(String number) {
	}

	private final FlowManagement flows;
	private final FlowDocuments documents;

	FlowController(FlowManagement flows, JsonMapper json) {
		this.flows = flows;
		this.documents = new FlowDocuments(json);
	}

	@PutMapping(path = "/{name}", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_YAML_VALUE,
			"application/x-yaml", "text/yaml" })
	FlowVersion save(@PathVariable String name, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
			@RequestBody(required = false) String body) {
		return flows.save(name, documents.read(body, type.getSubtype().contains("yaml")));
	}

	@GetMapping("/{name}")
	FlowVersion latest(@PathVariable String name) {
		return flows.latest(name);
	}

	@GetMapping("/{name}/versions")
	List<FlowVersion> versions(@PathVariable String name) {
		return flows.versions(name);
	}

	@GetMapping("/{name}/versions/{version}")
	FlowVersion version(@PathVariable String name, @PathVariable int version) {
		return flows.version(name, version);
	}

	@PostMapping("/{name}/versions/{version}/activate")
	FlowVersion activate(@PathVariable String name, @PathVariable int version,
			@RequestBody(required = false) Activation activation) {
		InvalidInput.require(activation != null, "number", "the dialled number to answer is required");
		return flows.activate(name, version, activation.number());
	}
}
