package org.tandem.ivr.internal;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.core.NotFound;

/** Prompt recordings over HTTP: a practice's own WAV replaces the default with the same id. */
@RestController
@RequestMapping("/api/ivr/prompts")
class PromptController {

	static final MediaType WAV = MediaType.parseMediaType("audio/wav");

	private final PromptLibrary library;

	PromptController(PromptLibrary library) {
		this.library = library;
	}

	@PutMapping(path = "/{language}/{id}", consumes = { "audio/wav", "audio/x-wav", "audio/wave" })
	ResponseEntity<Void> upload(@PathVariable String language, @PathVariable String id,
			@RequestBody(required = false) byte[] audio) {
		library.upload(language, id, audio);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{language}/{id}")
	ResponseEntity<byte[]> audio(@PathVariable String language, @PathVariable String id) {
		var audio = library.audio(language, id).orElseThrow(() -> new NotFound("Prompt", language + "/" + id));
		return ResponseEntity.ok().contentType(WAV).body(audio);
	}
}
