package org.tandem.ivr.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;

/** Answered calls as the practice looks back on them, and the voicemails they left. */
@RestController
@RequestMapping("/api/calls")
class CallController {

	private static final int MOST = 500;

	private final CallRecords records;

	private final IvrProperties properties;

	private final java.time.Clock clock;

	CallController(CallRecords records, IvrProperties properties, java.time.Clock clock) {
		this.records = records;
		this.properties = properties;
		this.clock = clock;
	}

	/** Newest first; by default the last 24 hours. */
	@GetMapping
	List<CallRecord> recent(@RequestParam(required = false) Instant since,
			@RequestParam(required = false, defaultValue = "100") int limit) {
		InvalidInput.require(limit >= 1 && limit <= MOST, "limit", "limit runs from 1 to " + MOST);
		return records.since(since == null ? clock.instant().minus(Duration.ofDays(1)) : since, limit);
	}

	@GetMapping("/{id}")
	CallRecord call(@PathVariable String id) {
		return records.find(id).orElseThrow(() -> new NotFound("Call", id));
	}

	/** A voicemail by the name its contact carries ({@code recording}), e.g. {@code 2026-11-27/<uuid>.wav}. */
	@GetMapping("/recordings/{day}/{file}")
	ResponseEntity<Resource> recording(@PathVariable String day, @PathVariable String file) throws IOException {
		InvalidInput.require(day.matches("\\d{4}-\\d{2}-\\d{2}"), "day", "a day is written 2026-11-27");
		InvalidInput.require(file.matches("[0-9a-f-]{36}\\.wav"), "file", "a recording is named <uuid>.wav");
		Path path = properties.recordingsDir().resolve(day).resolve(file);
		if (!Files.isRegularFile(path)) {
			throw new NotFound("Recording", day + "/" + file);
		}
		return ResponseEntity.ok().contentType(PromptController.WAV).body(new FileSystemResource(path));
	}
}
