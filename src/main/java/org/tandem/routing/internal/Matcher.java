package org.tandem.routing.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.tandem.routing.HardFilter;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.Strategy;
import org.tandem.routing.Weights;

/**
 * Picks the agent for a contact: for each step up to the current one, the agents passing that step's
 * hard filters (bit-set intersections), ranked by the step's strategy; the earliest step with anyone
 * wins. Single-threaded by design: the routing loop owns it, and it reuses its scratch arrays.
 */
final class Matcher {

	/** The chosen agent's position and the step they qualified at; {@code agent} -1 when nobody qualified. */
	record Choice(int agent, int step, double score) {
		static final Choice NONE = new Choice(-1, -1, 0);
	}

	private final AgentIndex index;
	private final long[] mask;
	private final Map<String, UUID> roundRobin = new java.util.HashMap<>();

	Matcher(AgentIndex index) {
		this.index = index;
		this.mask = Bits.create(index.size());
	}

	Choice decide(Query query, QueueDefinition queue, int currentStep, Set<UUID> passedOver) {
		for (int step = 0; step <= currentStep; step++) {
			RoutingStep definition = queue.steps().get(step);
			if (!candidates(query, definition, mask)) {
				continue;
			}
			Choice choice = pick(query, queue.name(), step, definition, passedOver);
			if (choice != Choice.NONE) {
				return choice;
			}
		}
		return Choice.NONE;
	}

	/** Records the choice, so that a round-robin step moves on from this agent next time. */
	void chosen(String queue, int step, int agent) {
		roundRobin.put(queue + '#' + step, index.ids[agent]);
	}

	/** Fills {@code target} with the agents passing every hard filter of the step; false when none do. */
	boolean candidates(Query query, RoutingStep step, long[] target) {
		switch (step.target()) {
			case THERAPISTS -> System.arraycopy(index.therapists, 0, target, 0, target.length);
			case FRONT_DESK -> System.arraycopy(index.frontDesk, 0, target, 0, target.length);
			case OWN_THERAPIST -> {
				java.util.Arrays.fill(target, 0L);
				if (query.ownTherapist() < 0) {
					return false;
				}
				Bits.set(target, query.ownTherapist(), Bits.get(index.therapists, query.ownTherapist()));
			}
		}
		if (!Bits.and(target, index.offerable) || !Bits.and(target, index.freeCapacity[query.channel()])) {
			return false;
		}
		Set<HardFilter> filters = step.filters();
		if (filters.contains(HardFilter.LICENSED)
				&& (query.state() < 0 || !Bits.and(target, index.licensed[query.state()]))) {
			return false;
		}
		if (filters.contains(HardFilter.LANGUAGE) && query.language() != null && !Bits.and(target, query.language())) {
			return false;
		}
		if (filters.contains(HardFilter.ACCEPTING_NEW_CLIENTS) && query.newClient()
				&& !Bits.and(target, index.acceptingNew)) {
			return false;
		}
		if (filters.contains(HardFilter.AVAILABLE_NOW) && !Bits.and(target, index.availableNow)) {
			return false;
		}
		if (filters.contains(HardFilter.SPECIALIST) && query.populationBits() != 0) {
			return specialists(query, target);
		}
		return true;
	}

	private boolean specialists(Query query, long[] target) {
		long any = 0;
		for (int word = 0; word < target.length; word++) {
			long bits = target[word];
			long kept = 0;
			while (bits != 0) {
				int bit = Long.numberOfTrailingZeros(bits);
				bits &= bits - 1;
				if ((index.populationBits[(word << 6) + bit] & query.populationBits()) != 0) {
					kept |= 1L << bit;
				}
			}
			target[word] = kept;
			any |= kept;
		}
		return any != 0;
	}

	private Choice pick(Query query, String queue, int step, RoutingStep definition, Set<UUID> passedOver) {
		Strategy strategy = definition.strategy();
		if (strategy == Strategy.ROUND_ROBIN) {
			return roundRobin(queue, step, passedOver);
		}
		int best = -1;
		double bestScore = 0;
		for (int i = Bits.next(mask, 0); i >= 0; i = Bits.next(mask, i + 1)) {
			if (!passedOver.isEmpty() && passedOver.contains(index.ids[i])) {
				continue;
			}
			double score = strategy == Strategy.FEWEST_CONTACTS_TODAY ? 0 : score(i, query, definition.weights());
			if (best < 0 || better(strategy, i, score, best, bestScore)) {
				best = i;
				bestScore = score;
			}
		}
		return best < 0 ? Choice.NONE : new Choice(best, step, bestScore);
	}

	private boolean better(Strategy strategy, int a, double scoreA, int b, double scoreB) {
		int byScore = Double.compare(scoreA, scoreB);
		int byIdle = Long.compare(index.idleSince[b], index.idleSince[a]);
		int order = switch (strategy) {
			case BEST_FIT -> byScore != 0 ? byScore : byIdle;
			case LONGEST_IDLE -> byIdle != 0 ? byIdle : byScore;
			case FEWEST_CONTACTS_TODAY -> {
				int byCount = Integer.compare(index.contactsToday[b], index.contactsToday[a]);
				yield byCount != 0 ? byCount : byIdle;
			}
			case ROUND_ROBIN -> 0;
		};
		// Equal on every criterion: the lower position (agent id order) wins, so decisions are repeatable.
		return order > 0;
	}

	private Choice roundRobin(String queue, int step, Set<UUID> passedOver) {
		UUID last = roundRobin.get(queue + '#' + step);
		int start = last == null ? 0 : index.position(last) + 1;
		for (int pass = 0; pass < 2; pass++) {
			for (int i = Bits.next(mask, pass == 0 ? Math.max(start, 0) : 0); i >= 0; i = Bits.next(mask, i + 1)) {
				if (pass == 1 && i >= start) {
					break;
				}
				if (passedOver.isEmpty() || !passedOver.contains(index.ids[i])) {
					return new Choice(i, step, 0);
				}
			}
		}
		return Choice.NONE;
	}

	/** The soft score: the sum of {@link #scores}, computed without allocating. */
	double score(int i, Query query, Weights weights) {
		double score = 0;
		if (query.populationCount() > 0) {
			score += weights.population() * populationFit(i, query);
		}
		if (query.issueCount() > 0) {
			score += weights.specialty() * specialtyFit(i, query);
		}
		if (query.modalities().length > 0) {
			score += weights.modality() * modalityFit(i, query.modalities());
		}
		if (query.identityCount() > 0) {
			score += weights.identity() * identityFit(i, query);
		}
		if (query.budget() != null) {
			score += weights.fee() * feeFit(i, query);
		}
		if (query.ownTherapist() >= 0) {
			score += i == query.ownTherapist() ? weights.continuity() : 0;
		}
		return score;
	}

	/** Each criterion's weighted score for one agent, for the explanation; only criteria the contact asked about. */
	Map<String, Double> scores(int i, Query query, Weights weights) {
		var scores = new LinkedHashMap<String, Double>();
		if (query.populationCount() > 0) {
			scores.put("population", weights.population() * populationFit(i, query));
		}
		if (query.issueCount() > 0) {
			scores.put("specialty", weights.specialty() * specialtyFit(i, query));
		}
		if (query.modalities().length > 0) {
			scores.put("modality", weights.modality() * modalityFit(i, query.modalities()));
		}
		if (query.identityCount() > 0) {
			scores.put("identity", weights.identity() * identityFit(i, query));
		}
		if (query.budget() != null) {
			scores.put("fee", weights.fee() * feeFit(i, query));
		}
		if (query.ownTherapist() >= 0) {
			scores.put("continuity", i == query.ownTherapist() ? (double) weights.continuity() : 0.0);
		}
		return scores;
	}

	private double populationFit(int i, Query query) {
		return Long.bitCount(index.populationBits[i] & query.populationBits()) / (double) query.populationCount();
	}

	private double specialtyFit(int i, Query query) {
		return TagDictionary.overlap(index.issues[i], query.issues()) / (double) query.issueCount();
	}

	private double identityFit(int i, Query query) {
		return TagDictionary.overlap(index.identity[i], query.identity()) / (double) query.identityCount();
	}

	private double feeFit(int i, Query query) {
		return (query.couple() ? index.lowestCoupleFee[i] : index.lowestFee[i]) <= query.budget() ? 1 : 0;
	}

	private double modalityFit(int i, int[] wanted) {
		double best = 0;
		for (int id : wanted) {
			int at = TagDictionary.indexOf(index.modalities[i], id);
			if (at >= 0) {
				best = Math.max(best, index.modalityStrength[i][at]);
			}
		}
		return best;
	}

	/** The order in which filters apply, and in which an explanation lists the ones an agent failed. */
	private static final HardFilter[] APPLIED = { HardFilter.TARGET, HardFilter.PRESENCE, HardFilter.CAPACITY,
			HardFilter.LICENSED, HardFilter.LANGUAGE, HardFilter.ACCEPTING_NEW_CLIENTS, HardFilter.AVAILABLE_NOW,
			HardFilter.SPECIALIST, HardFilter.NOT_DECLINED };

	/** The filters of {@code step} agent {@code i} fails, in the order they are applied. */
	List<HardFilter> failures(int i, Query query, RoutingStep step, Set<UUID> passedOver) {
		return decode(failureMask(i, query, step, passedOver));
	}

	static List<HardFilter> decode(int mask) {
		var failed = new ArrayList<HardFilter>(Integer.bitCount(mask));
		for (HardFilter filter : APPLIED) {
			if ((mask & (1 << filter.ordinal())) != 0) {
				failed.add(filter);
			}
		}
		return failed;
	}

	/** The failed filters as bits by ordinal, without allocating: 0 when the agent passes the step. */
	int failureMask(int i, Query query, RoutingStep step, Set<UUID> passedOver) {
		boolean target = switch (step.target()) {
			case THERAPISTS -> Bits.get(index.therapists, i);
			case FRONT_DESK -> Bits.get(index.frontDesk, i);
			case OWN_THERAPIST -> i == query.ownTherapist() && Bits.get(index.therapists, i);
		};
		int mask = failed(HardFilter.TARGET, target) | failed(HardFilter.PRESENCE, Bits.get(index.offerable, i))
				| failed(HardFilter.CAPACITY, Bits.get(index.freeCapacity[query.channel()], i));
		Set<HardFilter> filters = step.filters();
		if (filters.contains(HardFilter.LICENSED)) {
			mask |= failed(HardFilter.LICENSED, query.state() >= 0 && Bits.get(index.licensed[query.state()], i));
		}
		if (filters.contains(HardFilter.LANGUAGE) && query.language() != null) {
			mask |= failed(HardFilter.LANGUAGE, Bits.get(query.language(), i));
		}
		if (filters.contains(HardFilter.ACCEPTING_NEW_CLIENTS) && query.newClient()) {
			mask |= failed(HardFilter.ACCEPTING_NEW_CLIENTS, Bits.get(index.acceptingNew, i));
		}
		if (filters.contains(HardFilter.AVAILABLE_NOW)) {
			mask |= failed(HardFilter.AVAILABLE_NOW, Bits.get(index.availableNow, i));
		}
		if (filters.contains(HardFilter.SPECIALIST) && query.populationBits() != 0) {
			mask |= failed(HardFilter.SPECIALIST, (index.populationBits[i] & query.populationBits()) != 0);
		}
		return mask | failed(HardFilter.NOT_DECLINED, passedOver.isEmpty() || !passedOver.contains(index.ids[i]));
	}

	private static int failed(HardFilter filter, boolean passed) {
		return passed ? 0 : 1 << filter.ordinal();
	}
}
