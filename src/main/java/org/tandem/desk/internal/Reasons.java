package org.tandem.desk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.tandem.core.Population;
import org.tandem.routing.ContactView;
import org.tandem.routing.Explanation;
import org.tandem.routing.HardFilter;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.Strategy;

/**
 * Turns the routing decision that chose an agent into sentences that agent can read in a few seconds
 * while the offer counts down ("licensed in Texas, where the client is now").
 */
final class Reasons {

	private Reasons() {
	}

	static Optional<Card.Reason> of(ContactView contact, UUID agentId, List<Explanation> decisions,
			Optional<QueueDefinition> queue) {
		Explanation latest = null;
		for (Explanation explanation : decisions) {
			if (agentId.equals(explanation.chosen())) {
				latest = explanation;
			}
		}
		if (latest == null) {
			return Optional.empty();
		}
		Explanation decision = latest;
		int steps = queue.map(q -> q.steps().size()).orElse(0);
		Optional<RoutingStep> step = queue.filter(q -> decision.step() < q.steps().size())
			.map(q -> q.steps().get(decision.step()));
		String title = "Step " + (decision.step() + 1) + (steps > 0 ? " of " + steps : "") + ": " + decision.stepName();
		var passed = new ArrayList<String>();
		step.ifPresent(s -> passed.add(target(s)));
		step.ifPresent(s -> s.filters().stream().sorted().forEach(filter -> passed.add(passedWords(filter, contact))));
		passed.add("available with room on this channel");
		var scores = new ArrayList<Card.Score>();
		decision.candidates().stream().filter(c -> agentId.equals(c.agentId())).findFirst().ifPresent(me -> me.scores()
			.forEach((criterion, points) -> {
				if (points > 0) {
					scores.add(new Card.Score(criterionWords(criterion), Math.round(points)));
				}
			}));
		return Optional.of(new Card.Reason(title, strategyWords(decision.strategy()), List.copyOf(passed),
				List.copyOf(scores), others(decision.failedCounts())));
	}

	private static String target(RoutingStep step) {
		return switch (step.target()) {
			case OWN_THERAPIST -> "you are their own therapist";
			case THERAPISTS -> "a therapist";
			case FRONT_DESK -> "at the front desk";
		};
	}

	private static String passedWords(HardFilter filter, ContactView contact) {
		var needs = contact.needs();
		return switch (filter) {
			case LICENSED -> needs.currentState() == null ? "licensed (the client's state is not known)"
					: "licensed in " + needs.currentState().displayName() + ", where the client is now";
			case LANGUAGE -> needs.language() == null ? "speaks the language asked for"
					: "speaks " + needs.language().displayName();
			case ACCEPTING_NEW_CLIENTS -> "accepting new clients";
			case AVAILABLE_NOW -> "within your working hours";
			case SPECIALIST -> needs.populations().isEmpty() ? "a specialist"
					: "works with " + String.join(", ", needs.populations().stream().map(Population::displayName)
						.map(String::toLowerCase).sorted().toList());
			default -> filter.name().toLowerCase().replace('_', ' ');
		};
	}

	private static String criterionWords(String criterion) {
		return switch (criterion) {
			case "population" -> "works with people like them";
			case "specialty" -> "specialty fits what they come for";
			case "modality" -> "a modality they asked for";
			case "identity" -> "an identity they prefer in a therapist";
			case "fee" -> "fee within their budget";
			case "continuity" -> "their own therapist";
			default -> criterion;
		};
	}

	private static String strategyWords(Strategy strategy) {
		return switch (strategy) {
			case BEST_FIT -> "the best fit among those who qualified";
			case LONGEST_IDLE -> "idle the longest among those who qualified";
			case FEWEST_CONTACTS_TODAY -> "the fewest contacts today among those who qualified";
			case ROUND_ROBIN -> "next in turn among those who qualified";
		};
	}

	/** Counts over everyone the decision looked at, the chosen agent (who failed nothing) included. */
	private static String others(Map<HardFilter, Integer> failed) {
		if (failed.isEmpty()) {
			return "Nobody was ruled out at this step.";
		}
		var parts = new ArrayList<String>();
		failed.forEach((filter, count) -> parts.add(count + " " + failedWords(filter)));
		return "Others ruled out at this step: " + String.join(", ", parts) + ".";
	}

	private static String failedWords(HardFilter filter) {
		return switch (filter) {
			case LICENSED -> "not licensed where the client is";
			case LANGUAGE -> "not speaking their language";
			case ACCEPTING_NEW_CLIENTS -> "not accepting new clients";
			case AVAILABLE_NOW -> "outside their hours";
			case SPECIALIST -> "not working with this population";
			case PRESENCE -> "not available";
			case CAPACITY -> "with no room on this channel";
			case NOT_DECLINED -> "who already passed on it";
			case TARGET -> "not in this step's group";
		};
	}
}
