package org.tandem.routing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.tandem.routing.Explanation;
import org.tandem.routing.HardFilter;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.RoutingStep;

/**
 * Writes down a decision: every agent's failed filters at the step that decided (counted for all,
 * listed for the first {@code limit}: the chosen one, then those who qualified by score, then the rest),
 * so a coordinator can answer "why did this couple go to Dana and not to me?".
 */
final class Explainer {

	private final AgentIndex index;
	private final Matcher matcher;
	private final int limit;

	Explainer(AgentIndex index, Matcher matcher, int limit) {
		this.index = index;
		this.matcher = matcher;
		this.limit = limit;
	}

	Explanation explain(ContactState contact, Query query, QueueDefinition queue, int currentStep, Matcher.Choice choice,
			Instant now) {
		int decidingStep = choice.agent() >= 0 ? choice.step() : currentStep;
		RoutingStep step = queue.steps().get(decidingStep);
		Set<UUID> passedOver = contact.passedOverView();
		Map<HardFilter, Integer> counts = new EnumMap<>(HardFilter.class);
		var candidates = new ArrayList<Explanation.Candidate>();
		for (int i = 0; i < index.size(); i++) {
			List<HardFilter> failed = matcher.failures(i, query, step, passedOver);
			for (HardFilter filter : failed) {
				counts.merge(filter, 1, Integer::sum);
			}
			int qualifies = qualifiesAt(i, query, queue, currentStep, passedOver);
			Map<String, Double> scores = matcher.scores(i, query, step.weights());
			double score = scores.values().stream().mapToDouble(Double::doubleValue).sum();
			candidates.add(new Explanation.Candidate(index.ids[i], index.staff[i].name(), failed, qualifies, score, scores));
		}
		UUID chosen = choice.agent() >= 0 ? index.ids[choice.agent()] : null;
		candidates.sort(Comparator.comparing((Explanation.Candidate c) -> !c.agentId().equals(chosen))
			.thenComparing(c -> !c.failed().isEmpty())
			.thenComparing(Comparator.comparingDouble(Explanation.Candidate::score).reversed())
			.thenComparing(Explanation.Candidate::name));
		List<Explanation.Candidate> listed = List.copyOf(candidates.subList(0, Math.min(limit, candidates.size())));
		String chosenName = chosen == null ? null : index.staff[choice.agent()].name();
		return new Explanation(contact.id(), now, decidingStep, step.name(), step.strategy(), chosen, chosenName, listed,
				counts, summary(chosenName, step, decidingStep, counts, index.size()));
	}

	private int qualifiesAt(int i, Query query, QueueDefinition queue, int currentStep, Set<UUID> passedOver) {
		for (int s = 0; s <= currentStep; s++) {
			if (matcher.failures(i, query, queue.steps().get(s), passedOver).isEmpty()) {
				return s;
			}
		}
		return -1;
	}

	private static String summary(String chosenName, RoutingStep step, int stepIndex, Map<HardFilter, Integer> counts,
			int agents) {
		if (chosenName != null) {
			return "Offered to " + chosenName + " at step " + (stepIndex + 1) + " (" + step.name() + ", "
					+ step.strategy().name().toLowerCase().replace('_', ' ') + ")";
		}
		var reasons = new ArrayList<String>();
		counts.forEach((filter, count) -> reasons.add(count + " failed " + filter.name().toLowerCase().replace('_', ' ')));
		return "No one of " + agents + " staff can take it at step " + (stepIndex + 1) + " (" + step.name() + ")"
				+ (reasons.isEmpty() ? "" : ": " + String.join(", ", reasons));
	}
}
