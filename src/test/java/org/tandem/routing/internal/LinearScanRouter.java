package org.tandem.routing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.tandem.core.Channel;
import org.tandem.core.Population;
import org.tandem.core.UsState;
import org.tandem.directory.CompactTable;
import org.tandem.directory.Modality;
import org.tandem.directory.StaffMember;
import org.tandem.routing.HardFilter;
import org.tandem.routing.Needs;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.Strategy;
import org.tandem.routing.Weights;

/**
 * The same routing rules as the engine, decided the way Asterisk's app_queue and FreeSWITCH's
 * mod_callcenter decide: walk every member for every contact and test each one from its own record.
 * It is the baseline the benchmark compares the bit-set index with, and the reference the matcher is
 * checked against, so it is written plainly but not wastefully: cheap tests first, and what the engine
 * also caches (licensure per day, working hours per minute, identity words and modality strengths) is
 * cached here on the same terms, so that the comparison is about the scan and nothing else.
 */
final class LinearScanRouter {

	record Choice(UUID agent, int step, double score) {
		static final Choice NONE = new Choice(null, -1, 0);
	}

	private static final class Member {

		final StaffMember staff;
		final AgentState state;
		final Set<UsState> licensedIn = EnumSet.noneOf(UsState.class);
		final Set<String> identityWords;
		final Map<String, Double> modalityStrength = new HashMap<>();
		final int lowestFee;
		final int lowestCoupleFee;
		boolean availableNow;

		Member(StaffMember staff, AgentState state) {
			this.staff = staff;
			this.state = state;
			identityWords = new HashSet<>(staff.identity().words());
			for (Modality modality : staff.modalities()) {
				modalityStrength.put(modality.name(), switch (modality.verification()) {
					case CERTIFIED -> 1.0;
					case TRAINED -> 0.75;
					case SELF_REPORTED -> 0.5;
				});
			}
			lowestFee = staff.fees() == null ? 0 : staff.fees().lowest(false);
			lowestCoupleFee = staff.fees() == null ? 0 : staff.fees().lowest(true);
		}

		long idleSince() {
			return state.idleSince() == null ? Long.MIN_VALUE : state.idleSince().toEpochMilli();
		}
	}

	private final Member[] members;

	LinearScanRouter(List<StaffMember> staff, Map<UUID, AgentState> states, CompactTable compactTable, Instant now) {
		// The engine breaks the last tie by agent id; walking in id order gives the same answer.
		members = staff.stream()
			.filter(StaffMember::active)
			.sorted(Comparator.comparing(StaffMember::id))
			.map(member -> new Member(member, states.get(member.id())))
			.toArray(Member[]::new);
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		for (Member member : members) {
			if (member.staff.isTherapist()) {
				for (UsState state : UsState.values()) {
					if (member.staff.mayPracticeIn(state, today, compactTable)) {
						member.licensedIn.add(state);
					}
				}
			}
			member.availableNow = member.staff.availability() != null && member.staff.availability().availableAt(now);
		}
	}

	/**
	 * One pass over the members: each is placed at the earliest step whose filters it passes, and only
	 * steps no later than the best found so far are tried, since a later one cannot win.
	 */
	Choice decide(ContactState contact, QueueDefinition queue, Instant now) {
		List<RoutingStep> steps = queue.steps();
		int current = Engine.currentStep(contact, queue, now);
		for (int step = 0; step <= current; step++) {
			if (steps.get(step).strategy() == Strategy.ROUND_ROBIN) {
				throw new UnsupportedOperationException("the baseline ranks, it does not keep turns");
			}
		}
		Set<UUID> passedOver = contact.passedOverView();
		Channel channel = contact.channel();
		Member best = null;
		int bestStep = current;
		double bestScore = 0;
		for (Member member : members) {
			AgentState state = member.state;
			if (state == null || state.presence() != Presence.AVAILABLE && state.presence() != Presence.BUSY
					|| state.active(channel) >= member.staff.capacityFor(channel)
					|| !passedOver.isEmpty() && passedOver.contains(member.staff.id())) {
				continue;
			}
			for (int step = 0; step <= bestStep; step++) {
				RoutingStep definition = steps.get(step);
				if (!passes(member, contact, definition)) {
					continue;
				}
				Strategy strategy = definition.strategy();
				double score = strategy == Strategy.FEWEST_CONTACTS_TODAY ? 0 : score(member, contact, definition.weights());
				if (best == null || step < bestStep || better(strategy, member, score, best, bestScore, now)) {
					best = member;
					bestStep = step;
					bestScore = score;
				}
				break;
			}
		}
		return best == null ? Choice.NONE : new Choice(best.staff.id(), bestStep, bestScore);
	}

	/** The step's target and chosen filters; presence, capacity and declines are checked once per member. */
	private static boolean passes(Member member, ContactState contact, RoutingStep step) {
		StaffMember staff = member.staff;
		boolean target = switch (step.target()) {
			case THERAPISTS -> staff.isTherapist();
			case FRONT_DESK -> !staff.isTherapist();
			case OWN_THERAPIST -> staff.isTherapist() && staff.id().equals(contact.ownTherapist());
		};
		if (!target) {
			return false;
		}
		Needs needs = contact.needs();
		Set<HardFilter> filters = step.filters();
		if (filters.contains(HardFilter.LICENSED)
				&& (needs.currentState() == null || !member.licensedIn.contains(needs.currentState()))) {
			return false;
		}
		if (filters.contains(HardFilter.LANGUAGE) && needs.language() != null
				&& !staff.languages().contains(needs.language())) {
			return false;
		}
		if (filters.contains(HardFilter.ACCEPTING_NEW_CLIENTS) && needs.isNewClient() && !staff.acceptingNewClients()) {
			return false;
		}
		if (filters.contains(HardFilter.AVAILABLE_NOW) && !member.availableNow) {
			return false;
		}
		if (filters.contains(HardFilter.SPECIALIST) && !needs.populations().isEmpty()) {
			for (Population population : needs.populations()) {
				if (staff.populations().contains(population)) {
					return true;
				}
			}
			return false;
		}
		return true;
	}

	private static double score(Member member, ContactState contact, Weights weights) {
		StaffMember staff = member.staff;
		Needs needs = contact.needs();
		double score = 0;
		if (!needs.populations().isEmpty()) {
			score += weights.population() * share(needs.populations(), staff.populations());
		}
		if (!needs.issues().isEmpty()) {
			score += weights.specialty() * share(needs.issues(), staff.specialties());
		}
		if (!needs.modalities().isEmpty()) {
			double strongest = 0;
			for (String modality : needs.modalities()) {
				strongest = Math.max(strongest, member.modalityStrength.getOrDefault(modality, 0.0));
			}
			score += weights.modality() * strongest;
		}
		if (!needs.identityPreferences().isEmpty()) {
			score += weights.identity() * share(needs.identityPreferences(), member.identityWords);
		}
		if (needs.budget() != null) {
			score += weights.fee() * ((needs.isCouple() ? member.lowestCoupleFee : member.lowestFee) <= needs.budget() ? 1 : 0);
		}
		if (contact.ownTherapist() != null) {
			score += staff.id().equals(contact.ownTherapist()) ? weights.continuity() : 0;
		}
		return score;
	}

	private static <T> double share(Set<T> wanted, Set<T> offered) {
		int matched = 0;
		for (T each : wanted) {
			if (offered.contains(each)) {
				matched++;
			}
		}
		return matched / (double) wanted.size();
	}

	private static boolean better(Strategy strategy, Member a, double scoreA, Member b, double scoreB, Instant now) {
		int byScore = Double.compare(scoreA, scoreB);
		int byIdle = Long.compare(b.idleSince(), a.idleSince());
		int order = switch (strategy) {
			case BEST_FIT -> byScore != 0 ? byScore : byIdle;
			case LONGEST_IDLE -> byIdle != 0 ? byIdle : byScore;
			case FEWEST_CONTACTS_TODAY -> {
				int byCount = Integer.compare(b.state.contactsToday(now), a.state.contactsToday(now));
				yield byCount != 0 ? byCount : byIdle;
			}
			case ROUND_ROBIN -> 0;
		};
		return order > 0;
	}
}
