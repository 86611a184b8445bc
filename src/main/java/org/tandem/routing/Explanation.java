package org.tandem.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Why a contact went where it went: for one routing decision, each agent considered, the filters they
 * failed, the soft scores of those who passed, and the choice. {@code failedCounts} summarises the
 * filters over every agent, including those not listed in {@code candidates}.
 */
public record Explanation(UUID contactId, Instant at, int step, String stepName, Strategy strategy, UUID chosen,
		String chosenName, List<Candidate> candidates, Map<HardFilter, Integer> failedCounts, String summary) {

	/**
	 * One agent as the decision saw them. {@code qualifiesAtStep} is the earliest step whose filters
	 * they pass (-1 for none); {@code scores} holds the weighted score of each criterion.
	 */
	public record Candidate(UUID agentId, String name, List<HardFilter> failed, int qualifiesAtStep, double score,
			Map<String, Double> scores) {
	}
}
