package org.tandem.routing.internal;

import java.time.Instant;
import java.util.ArrayList;
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
 * listed for the first {@code limit}: the chosen one, then those who qualified, then the nearest misses),
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
		int size = index.size();
		int[] failed = new int[size];
		double[] score = new double[size];
		int[] counts = new int[HardFilter.values().length];
		for (int i = 0; i < size; i++) {
			failed[i] = matcher.failureMask(i, query, step, passedOver);
			score[i] = matcher.score(i, query, step.weights());
			for (int bits = failed[i]; bits != 0; bits &= bits - 1) {
				counts[Integer.numberOfTrailingZeros(bits)]++;
			}
		}
		var listed = new ArrayList<Explanation.Candidate>();
		boolean[] taken = new boolean[size];
		if (choice.agent() >= 0) {
			listed.add(candidate(choice.agent(), failed, query, queue, currentStep, step, passedOver));
			taken[choice.agent()] = true;
		}
		// The rest: who passed, then near misses, by score, then name; a selection, since only a few are listed.
		while (listed.size() < Math.min(limit, size)) {
			int next = -1;
			for (int i = 0; i < size; i++) {
				if (!taken[i] && (next < 0 || before(i, next, failed, score))) {
					next = i;
				}
			}
			taken[next] = true;
			listed.add(candidate(next, failed, query, queue, currentStep, step, passedOver));
		}
		Map<HardFilter, Integer> failedCounts = new EnumMap<>(HardFilter.class);
		for (HardFilter filter : HardFilter.values()) {
			if (counts[filter.ordinal()] > 0) {
				failedCounts.put(filter, counts[filter.ordinal()]);
			}
		}
		UUID chosen = choice.agent() >= 0 ? index.ids[choice.agent()] : null;
		String chosenName = chosen == null ? null : index.staff[choice.agent()].name();
		return new Explanation(contact.id(), now, decidingStep, step.name(), step.strategy(), chosen, chosenName,
				List.copyOf(listed), failedCounts, summary(chosenName, step, decidingStep, failedCounts, size));
	}

	private boolean before(int a, int b, int[] failed, double[] score) {
		int failedA = Integer.bitCount(failed[a]);
		int failedB = Integer.bitCount(failed[b]);
		if (failedA != failedB) {
			return failedA < failedB;
		}
		if (score[a] != score[b]) {
			return score[a] > score[b];
		}
		return index.staff[a].name().compareTo(index.staff[b].name()) < 0;
	}

	private Explanation.Candidate candidate(int i, int[] failed, Query query, QueueDefinition queue, int currentStep,
			RoutingStep step, Set<UUID> passedOver) {
		Map<String, Double> scores = matcher.scores(i, query, step.weights());
		double total = scores.values().stream().mapToDouble(Double::doubleValue).sum();
		return new Explanation.Candidate(index.ids[i], index.staff[i].name(), Matcher.decode(failed[i]),
				qualifiesAt(i, query, queue, currentStep, passedOver), total, scores);
	}

	private int qualifiesAt(int i, Query query, QueueDefinition queue, int currentStep, Set<UUID> passedOver) {
		for (int s = 0; s <= currentStep; s++) {
			if (matcher.failureMask(i, query, queue.steps().get(s), passedOver) == 0) {
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
