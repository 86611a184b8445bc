package org.tandem.routing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.core.InvalidInput;
import org.tandem.routing.QueueMeasures;

/** The queues' figures over HTTP, for wallboards and reports. */
@RestController
@RequestMapping("/api/measures")
class MeasuresController {

	private final Measures measures;

	private final Clock clock;

	MeasuresController(Measures measures, Clock clock) {
		this.measures = measures;
		this.clock = clock;
	}

	/**
	 * Every queue's figures for contacts that arrived since {@code since} (default: the last 24 hours), the
	 * service level counted against {@code serviceLevelSeconds} (default 20).
	 */
	@GetMapping("/queues")
	List<QueueMeasures> queues(@RequestParam(required = false) Instant since,
			@RequestParam(required = false, defaultValue = "20") int serviceLevelSeconds) {
		InvalidInput.require(serviceLevelSeconds > 0 && serviceLevelSeconds <= 3600, "serviceLevelSeconds",
				"the service-level threshold runs from 1 to 3600 seconds");
		return measures.measures(since == null ? clock.instant().minus(Duration.ofDays(1)) : since,
				Duration.ofSeconds(serviceLevelSeconds));
	}
}
