package org.tandem.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The queues' figures for wallboards and reports, read from the contacts routing keeps. */
public interface RoutingReports {

	/**
	 * Every queue's measures for contacts that arrived from {@code from} until now, with the service level
	 * counted against {@code serviceLevelThreshold} (e.g. 20 s for "80 % in 20 s").
	 */
	List<QueueMeasures> measures(Instant from, Duration serviceLevelThreshold);
}
