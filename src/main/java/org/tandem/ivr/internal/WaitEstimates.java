package org.tandem.ivr.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tandem.routing.ContactAssigned;

/**
 * How long a caller at a given place in line will likely wait: their position times how often the queue
 * has been taking someone lately. Until a queue has taken two contacts, two minutes per place is assumed.
 */
@Component
class WaitEstimates {

	static final Duration ASSUMED_PER_PLACE = Duration.ofMinutes(2);

	/** Weight of the newest interval: about the last ten count. */
	private static final double WEIGHT = 0.2;

	private record Pace(Instant last, double secondsPerPlace) {
	}

	private final Map<String, Pace> paces = new ConcurrentHashMap<>();

	private final java.time.Clock clock;

	WaitEstimates(java.time.Clock clock) {
		this.clock = clock;
	}

	@EventListener
	void on(ContactAssigned assigned) {
		Instant now = clock.instant();
		paces.merge(assigned.queue(), new Pace(now, Double.NaN), (before, next) -> {
			double interval = Duration.between(before.last(), now).toMillis() / 1000.0;
			double pace = Double.isNaN(before.secondsPerPlace()) ? interval
					: (1 - WEIGHT) * before.secondsPerPlace() + WEIGHT * interval;
			return new Pace(now, pace);
		});
	}

	Duration estimate(String queue, int position) {
		Pace pace = paces.get(queue);
		double perPlace = pace == null || Double.isNaN(pace.secondsPerPlace()) ? ASSUMED_PER_PLACE.toSeconds()
				: pace.secondsPerPlace();
		return Duration.ofSeconds(Math.round(Math.max(1, position) * perPlace));
	}
}
