package org.tandem.routing.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxMissedOffers offers an idle agent may let run out in a row before being set away
 * @param wrapUp time after the last contact before an agent is available again
 * @param explainedCandidates how many agents an explanation lists one by one (all are counted)
 */
@ConfigurationProperties("tandem.routing")
public record RoutingProperties(Integer maxMissedOffers, Duration wrapUp, Integer explainedCandidates) {

	public RoutingProperties {
		maxMissedOffers = maxMissedOffers == null ? 2 : maxMissedOffers;
		wrapUp = wrapUp == null ? Duration.ofSeconds(30) : wrapUp;
		explainedCandidates = explainedCandidates == null ? 15 : explainedCandidates;
		if (maxMissedOffers < 1) {
			throw new IllegalStateException("tandem.routing.max-missed-offers must be at least 1");
		}
		if (wrapUp.isNegative()) {
			throw new IllegalStateException("tandem.routing.wrap-up must not be negative");
		}
		if (explainedCandidates < 1) {
			throw new IllegalStateException("tandem.routing.explained-candidates must be at least 1");
		}
	}
}
