package org.tandem.routing;

import java.time.Instant;

/**
 * The practice over every queue at one instant of the day, as stored contacts show it afterwards: what a
 * wallboard would have read at {@code at}, worked out from when each contact arrived, was queued, was taken and
 * ended.
 *
 * @param waiting contacts queued by {@code at} and neither taken nor ended by then
 * @param offered contacts that arrived from the start of the period until {@code at}
 * @param shortAbandoned of those, abandoned by {@code at} within {@link QueueMeasures#SHORT_ABANDON}
 * @param answeredInTime of those, taken by {@code at} within the service-level threshold
 */
public record PracticeSample(Instant at, int waiting, int offered, int shortAbandoned, int answeredInTime) {

	/** Answered in time / (offered − short abandons), 0..1, as {@link QueueMeasures#serviceLevel()}; null with nothing offered. */
	public Double serviceLevel() {
		int counted = offered - shortAbandoned;
		return counted == 0 ? null : (double) answeredInTime / counted;
	}
}
