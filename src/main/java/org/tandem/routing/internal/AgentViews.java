package org.tandem.routing.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.tandem.directory.Directory;
import org.tandem.directory.StaffMember;
import org.tandem.routing.AgentView;

/** Agents' routing state with their names, read from the committed rows. */
@Component
class AgentViews {

	private final AgentStates states;
	private final Directory directory;
	private final java.time.Clock clock;

	AgentViews(AgentStates states, Directory directory, java.time.Clock clock) {
		this.states = states;
		this.directory = directory;
		this.clock = clock;
	}

	List<AgentView> all() {
		Map<UUID, StaffMember> staff = directory.staff().stream()
			.collect(Collectors.toMap(StaffMember::id, Function.identity()));
		return states.all().stream()
			.filter(state -> staff.containsKey(state.id()))
			.map(state -> view(state, staff.get(state.id())))
			.sorted(java.util.Comparator.comparing(AgentView::name))
			.toList();
	}

	Optional<AgentView> find(UUID agentId) {
		return states.find(agentId).flatMap(state -> directory.find(agentId).map(member -> view(state, member)));
	}

	private AgentView view(AgentState state, StaffMember member) {
		return new AgentView(state.id(), member.name(), state.presence(), state.since(), state.activeByChannel(),
				state.pendingOffer(), state.missedInARow(), state.contactsToday(clock.instant()), state.wrapUpUntil());
	}
}
