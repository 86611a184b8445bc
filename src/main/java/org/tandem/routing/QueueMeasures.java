package org.tandem.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * A queue's figures over a period, in the field's standard terms. Waits run from the contact's arrival
 * (a callback's from its caller's first arrival).
 *
 * @param offered contacts that arrived in the period, but for the diverted ones
 * @param answered of those, taken by an agent
 * @param abandoned of those, left before being taken, short abandons included
 * @param shortAbandoned abandoned within {@link #SHORT_ABANDON} (a misdial or a caller who heard the
 *        emergency notice and hung up to call 911): left out of the service level and the abandonment rate
 * @param answeredInTime answered within the service-level threshold
 * @param serviceLevel answered in time / (offered − short abandons), 0..1; null with nothing offered
 * @param abandonmentRate (abandoned − short abandons) / (offered − short abandons); null with nothing offered
 * @param averageSpeedOfAnswer mean wait of the answered contacts; null when none was answered
 * @param averageHandleTime mean time from being taken to completion, plus the configured wrap-up; null
 *        when none was completed
 * @param waitingNow contacts waiting or being offered at {@code at}
 * @param longestWaitNow the longest current wait; zero when nobody waits
 * @param diverted contacts that left for a callback or a voicemail: not offered, answered or abandoned here,
 *        since the callback or voicemail is a contact of its own
 */
public record QueueMeasures(String queue, Instant from, Instant at, Duration serviceLevelThreshold, int offered,
		int answered, int abandoned, int shortAbandoned, int answeredInTime, Double serviceLevel,
		Double abandonmentRate, Duration averageSpeedOfAnswer, Duration averageHandleTime, int waitingNow,
		Duration longestWaitNow, int diverted) {

	public static final Duration SHORT_ABANDON = Duration.ofSeconds(5);
}
