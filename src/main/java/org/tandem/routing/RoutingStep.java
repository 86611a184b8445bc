package org.tandem.routing;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.tandem.core.InvalidInput;

/**
 * One step of a queue: who is targeted, the hard filters, soft weights and strategy, and how long the
 * contact stays at this step before the next one widens the search. A null timeout means the step
 * never ends (it should be the last). Agents of earlier steps stay eligible after widening and are
 * preferred over agents who qualify only for a later step.
 */
public record RoutingStep(String name, StepTarget target, Set<HardFilter> filters, Weights weights,
		Strategy strategy, Duration timeout) {

	private static final Set<HardFilter> CHOOSABLE = EnumSet.of(HardFilter.LICENSED, HardFilter.LANGUAGE,
			HardFilter.ACCEPTING_NEW_CLIENTS, HardFilter.AVAILABLE_NOW, HardFilter.SPECIALIST);

	public RoutingStep {
		InvalidInput.require(name != null && !name.isBlank(), "name", "a step needs a name");
		InvalidInput.require(target != null, "target", "a step needs a target: OWN_THERAPIST, THERAPISTS or FRONT_DESK");
		filters = filters == null ? Set.of() : Set.copyOf(filters);
		for (HardFilter filter : filters) {
			InvalidInput.require(CHOOSABLE.contains(filter), "filters",
					filter + " is always applied and cannot be chosen; choose from " + CHOOSABLE);
		}
		weights = weights == null ? Weights.DEFAULT : weights;
		strategy = strategy == null ? Strategy.BEST_FIT : strategy;
		InvalidInput.require(timeout == null || !timeout.isNegative() && !timeout.isZero(), "timeoutSeconds",
				"a step's timeout must be positive, or absent for a step that never ends");
	}
}
