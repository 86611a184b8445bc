package org.tandem.routing.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.tandem.core.InvalidInput;
import org.tandem.routing.HardFilter;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;
import org.tandem.routing.Strategy;
import org.tandem.routing.Weights;

/**
 * A queue as JSON, for the API and for storage: durations in whole seconds. Converting to a definition
 * validates it, naming the field with its path ({@code steps[1].target}).
 */
record QueueDocument(String name, Integer offerTimeoutSeconds, List<Step> steps) {

	record Step(String name, StepTarget target, Set<HardFilter> filters, Weights weights, Strategy strategy,
			Integer timeoutSeconds) {
	}

	static QueueDocument of(QueueDefinition queue) {
		var steps = new ArrayList<Step>();
		for (RoutingStep step : queue.steps()) {
			steps.add(new Step(step.name(), step.target(), step.filters(), step.weights(), step.strategy(),
					step.timeout() == null ? null : (int) step.timeout().toSeconds()));
		}
		return new QueueDocument(queue.name(), (int) queue.offerTimeout().toSeconds(), steps);
	}

	QueueDefinition toDefinition() {
		var definitions = new ArrayList<RoutingStep>();
		if (steps != null) {
			for (int i = 0; i < steps.size(); i++) {
				Step step = steps.get(i);
				if (step == null) {
					throw new InvalidInput("steps[" + i + "]", "a step cannot be null");
				}
				try {
					definitions.add(new RoutingStep(step.name(), step.target(), step.filters(), step.weights(),
							step.strategy(), seconds(step.timeoutSeconds(), "timeoutSeconds")));
				}
				catch (InvalidInput e) {
					throw new InvalidInput("steps[" + i + "]." + e.field(), e.getMessage());
				}
			}
		}
		return new QueueDefinition(name, definitions, seconds(offerTimeoutSeconds, "offerTimeoutSeconds"));
	}

	private static Duration seconds(Integer seconds, String field) {
		if (seconds == null) {
			return null;
		}
		InvalidInput.require(seconds > 0, field, field + " must be positive");
		return Duration.ofSeconds(seconds);
	}
}
