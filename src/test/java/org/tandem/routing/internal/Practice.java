package org.tandem.routing.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.tandem.core.Channel;
import org.tandem.core.Format;
import org.tandem.core.Language;
import org.tandem.core.Population;
import org.tandem.core.UsState;
import org.tandem.directory.Availability;
import org.tandem.directory.Fees;
import org.tandem.directory.Identity;
import org.tandem.directory.License;
import org.tandem.directory.LicenseStatus;
import org.tandem.directory.LicenseType;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRegistration;
import org.tandem.directory.StaffRole;
import org.tandem.directory.WeeklyHours;
import org.tandem.routing.HardFilter;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.Routing;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;
import org.tandem.routing.Strategy;
import org.tandem.routing.Weights;

/**
 * The staff and queues one integration test works with, added through the real registrations and
 * taken out of routing again afterwards, so tests sharing a database do not answer each other's contacts.
 */
final class Practice implements AutoCloseable {

	private final StaffRegistration staff;
	private final Routing routing;
	private final List<UUID> added = new ArrayList<>();
	private final List<String> queues = new ArrayList<>();

	Practice(StaffRegistration staff, Routing routing) {
		this.staff = staff;
		this.routing = routing;
	}

	StaffMember therapist(String name, Set<UsState> states, Set<Population> populations, String... languages) {
		return add(member(name, StaffRole.THERAPIST, states, populations, true, 1, languages));
	}

	StaffMember member(String name, StaffRole role, Set<UsState> states, Set<Population> populations,
			boolean acceptingNew, int capacity, String... languages) {
		var licenses = states.stream()
			.map(state -> new License(state, LicenseType.LMFT, "T-" + state, LicenseStatus.ACTIVE, LocalDate.of(2030, 1, 1)))
			.toList();
		var spoken = Arrays.stream(languages.length == 0 ? new String[] { "en" } : languages)
			.map(code -> Language.of(code, "languages"))
			.collect(java.util.stream.Collectors.toSet());
		var always = Arrays.stream(DayOfWeek.values()).map(day -> new WeeklyHours(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)).toList();
		return new StaffMember(UUID.randomUUID(), name, null, role, null, null, null,
				role == StaffRole.THERAPIST ? licenses : List.of(), List.of(), Set.of(), populations, List.of(), spoken,
				Identity.UNDISCLOSED, role == StaffRole.THERAPIST ? new Fees(150, 90, 180, 2, false, Set.of()) : null,
				Set.of(Format.VIDEO), acceptingNew, new Availability(ZoneId.of("America/Chicago"), always, List.of()),
				Map.of(Channel.VOICE, capacity, Channel.CHAT, capacity, Channel.CALLBACK, 1), true);
	}

	StaffMember add(StaffMember member) {
		StaffMember saved = staff.add(member);
		added.add(saved.id());
		return saved;
	}

	void available(StaffMember... members) {
		for (StaffMember member : members) {
			routing.setPresence(member.id(), Presence.AVAILABLE);
		}
	}

	/** own therapist → licensed specialist → any licensed therapist → front desk, as a practice would set it. */
	QueueDefinition intakeQueue(String name, Duration offerTimeout, Duration stepTimeout) {
		Set<HardFilter> fit = EnumSet.of(HardFilter.LICENSED, HardFilter.LANGUAGE, HardFilter.ACCEPTING_NEW_CLIENTS);
		Set<HardFilter> specialist = EnumSet.copyOf(fit);
		specialist.add(HardFilter.SPECIALIST);
		queues.add(name);
		return routing.defineQueue(new QueueDefinition(name, List.of(
				new RoutingStep("Own therapist", StepTarget.OWN_THERAPIST, Set.of(HardFilter.LICENSED), Weights.DEFAULT,
						Strategy.BEST_FIT, stepTimeout),
				new RoutingStep("Licensed specialist", StepTarget.THERAPISTS, specialist, Weights.DEFAULT, Strategy.BEST_FIT,
						stepTimeout),
				new RoutingStep("Any licensed therapist", StepTarget.THERAPISTS, fit, Weights.DEFAULT, Strategy.BEST_FIT,
						stepTimeout),
				new RoutingStep("Front desk", StepTarget.FRONT_DESK, Set.of(), Weights.DEFAULT, Strategy.LONGEST_IDLE, null)),
				offerTimeout));
	}

	/** One step: any therapist, longest idle first. */
	QueueDefinition queue(String name) {
		queues.add(name);
		return routing.defineQueue(new QueueDefinition(name, List.of(new RoutingStep("Anyone", StepTarget.THERAPISTS,
				Set.of(), Weights.DEFAULT, Strategy.LONGEST_IDLE, null)), Duration.ofSeconds(20)));
	}

	/** Contacts still waiting would otherwise be offered to the next test's agents. */
	@Override
	public void close() {
		for (String queue : queues) {
			routing.queue(queue).forEach(contact -> routing.withdraw(contact.id()));
		}
		added.forEach(staff::deactivate);
	}
}
