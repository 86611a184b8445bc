package org.tandem.ivr.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tandem.ivr.CrisisConfiguration;

/** Says so at start-up when the crisis numbers are past their review date: they are read to people in danger. */
@Component
class CrisisReview {

	private static final Logger log = LoggerFactory.getLogger(CrisisReview.class);

	private final CrisisConfigurations configurations;
	private final Clock clock;

	CrisisReview(CrisisConfigurations configurations, Clock clock) {
		this.configurations = configurations;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void remind() {
		reminder(configurations.current(), LocalDate.now(clock)).ifPresent(log::warn);
	}

	static Optional<String> reminder(CrisisConfiguration configuration, LocalDate today) {
		if (!configuration.isDueForReview(today)) {
			return Optional.empty();
		}
		return Optional.of("The crisis numbers were due for review on " + configuration.reviewBy()
				+ " (last checked " + configuration.reviewedOn() + "): check every line and PUT /api/ivr/crisis");
	}
}
