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

	/**
	 * The practice over every queue at {@code from}, {@code from + every} and so on until {@code until}: contacts
	 * waiting at each instant, and the service level of contacts that arrived from {@code from} until then. Read
	 * from the contacts' stored times, so it is the same after a restart as before it.
	 */
	List<PracticeSample> timeline(Instant from, Instant until, Duration every, Duration serviceLevelThreshold);
}
