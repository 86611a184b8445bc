package org.tandem.routing;

import java.time.Duration;
import java.util.List;

import org.tandem.core.InvalidInput;

/**
 * A queue: its ordered routing steps and how long one agent has to take an offer.
 */
public record QueueDefinition(String name, List<RoutingStep> steps, Duration offerTimeout) {

	public static final Duration DEFAULT_OFFER_TIMEOUT = Duration.ofSeconds(20);

	public QueueDefinition {
		InvalidInput.require(name != null && name.matches("[a-z0-9][a-z0-9-]{0,39}"), "name",
				"a queue name is lower-case letters, digits and dashes, at most 40");
		InvalidInput.require(steps != null && !steps.isEmpty(), "steps", "a queue needs at least one routing step");
		steps = List.copyOf(steps);
		offerTimeout = offerTimeout == null ? DEFAULT_OFFER_TIMEOUT : offerTimeout;
		InvalidInput.require(!offerTimeout.isNegative() && !offerTimeout.isZero(), "offerTimeoutSeconds",
				"the offer timeout must be positive");
	}
}
