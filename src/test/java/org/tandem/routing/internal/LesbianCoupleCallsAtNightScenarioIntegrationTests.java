package org.tandem.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tandem.core.Population.GAY_MALE_COUPLES;
import static org.tandem.core.Population.HETEROSEXUAL_COUPLES;
import static org.tandem.core.Population.LESBIAN_COUPLES;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.clients.Client;
import org.tandem.clients.ClientRecords;
import org.tandem.clients.ClientRegistration;
import org.tandem.clients.ContactPoint;
import org.tandem.clients.Couple;
import org.tandem.clients.CurrentLocation;
import org.tandem.clients.Preferences;
import org.tandem.core.Channel;
import org.tandem.core.Format;
import org.tandem.core.Language;
import org.tandem.core.PhoneNumber;
import org.tandem.core.Population;
import org.tandem.core.UsState;
import org.tandem.directory.Availability;
import org.tandem.directory.Compact;
import org.tandem.directory.CompactAuthorization;
import org.tandem.directory.Fees;
import org.tandem.directory.Identity;
import org.tandem.directory.License;
import org.tandem.directory.LicenseStatus;
import org.tandem.directory.LicenseType;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRegistration;
import org.tandem.directory.StaffRole;
import org.tandem.directory.WeeklyHours;
import org.tandem.routing.ContactRequest;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.ContactView;
import org.tandem.routing.Explanation;
import org.tandem.routing.HardFilter;
import org.tandem.routing.Needs;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.Routing;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;
import org.tandem.routing.Strategy;
import org.tandem.routing.Weights;
import org.tandem.support.MutableClock;

/**
 * Ana and Lucía, a lesbian couple in Austin, call at 8 pm on a Wednesday and would rather speak
 * Spanish. The practice has a Spanish-speaking lesbian-couples specialist licensed in Texas who works
 * Wednesday evenings — but she is in a session and lets it ring.
 */
@SpringBootTest
@ActiveProfiles("test")
class LesbianCoupleCallsAtNightScenarioIntegrationTests {

	static final ZoneId AUSTIN = ZoneId.of("America/Chicago");
	static final ZonedDateTime WEDNESDAY_8PM = ZonedDateTime.of(LocalDate.of(2026, 12, 2), LocalTime.of(20, 0), AUSTIN);

	@TestConfiguration
	static class EightPmInAustin {

		@Bean
		@Primary
		MutableClock eightPmInAustinClock() {
			return new MutableClock(WEDNESDAY_8PM.toInstant());
		}
	}

	@Autowired
	MutableClock clock;

	@Autowired
	StaffRegistration staff;

	@Autowired
	ClientRegistration registration;

	@Autowired
	ClientRecords clients;

	@Autowired
	Routing routing;

	@Autowired
	RoutingLoop loop;

	@Test
	void theyReachASpanishSpeakingTherapistLicensedInTexasTonight() {
		// The practice, as it stands tonight.
		StaffMember sofia = hire("Sofía Ramírez", List.of(texas(LicenseType.LCSW)), List.of(),
				EnumSet.of(LESBIAN_COUPLES), AUSTIN, "WEDNESDAY 18:00-21:00", "en", "es");
		StaffMember dana = hire("Dana Whitfield", List.of(texas(LicenseType.LPC)), List.of(), EnumSet.of(LESBIAN_COUPLES),
				AUSTIN, "WEDNESDAY 14:00-21:00", "en");
		StaffMember marcus = hire("Marcus Chen", List.of(license(UsState.CA, LicenseType.LMFT)), List.of(),
				EnumSet.of(GAY_MALE_COUPLES, LESBIAN_COUPLES), ZoneId.of("America/Los_Angeles"), "WEDNESDAY 12:00-21:00",
				"en", "es");
		StaffMember rachel = hire("Dr. Rachel Goldberg", List.of(license(UsState.PA, LicenseType.PSYCHOLOGIST)),
				List.of(new CompactAuthorization(Compact.PSYPACT, UsState.PA, Set.of(), LocalDate.of(2028, 1, 1))),
				EnumSet.of(LESBIAN_COUPLES), ZoneId.of("America/New_York"), "WEDNESDAY 08:00-20:00", "en", "es");
		StaffMember luis = hire("Luis Moreno", List.of(texas(LicenseType.LMFT)), List.of(), EnumSet.of(HETEROSEXUAL_COUPLES),
				ZoneId.of("America/Denver"), "WEDNESDAY 18:00-21:00", "en", "es");
		List.of(sofia, dana, marcus, rachel, luis).forEach(t -> routing.setPresence(t.id(), Presence.AVAILABLE));
		routing.defineQueue(intake());

		// Ana calls from her cell; caller ID finds her, and her couple case with Lucía.
		Client ana = registration.register(client("Ana Torres", "+15125550142"));
		Client lucia = registration.register(client("Lucía Medina", "+15125550143"));
		registration.openCouple(new Couple(UUID.randomUUID(), ana.id(), lucia.id(), EnumSet.of(LESBIAN_COUPLES),
				Set.of("communication"), null, null));
		Client caller = clients.findByPhone(PhoneNumber.parse("(512) 555-0142", "from")).get(0);
		assertThat(caller.id()).isEqualTo(ana.id());

		ContactView call = routing.enqueue(new ContactRequest("intake", Channel.VOICE, 0,
				new Needs(null, null, null, null, null, null, null, null, null, null), caller.id(), null, null,
				Map.of("ivr.language", "es")));

		// Sofía is offered the call: licensed in Texas, speaks Spanish, works with lesbian couples, and on shift.
		assertThat(call.offeredTo()).isEqualTo(sofia.id());
		assertThat(call.needs().populations()).contains(LESBIAN_COUPLES);
		assertThat(call.needs().language()).isEqualTo(Language.SPANISH);
		Explanation why = routing.explanations(call.id()).get(0);
		assertThat(why.stepName()).isEqualTo("Licensed specialist");
		assertThat(failed(why, dana)).containsExactly(HardFilter.LANGUAGE);
		assertThat(failed(why, marcus)).containsExactly(HardFilter.LICENSED);
		assertThat(failed(why, rachel)).as("9 pm in Philadelphia is past her hours, though PSYPACT covers Texas")
			.containsExactly(HardFilter.AVAILABLE_NOW);
		assertThat(failed(why, luis)).containsExactly(HardFilter.SPECIALIST);

		// She is in a session and lets it ring out; nobody else fits the specialist step, so the couple waits.
		moveOn(Duration.ofSeconds(21));
		await().until(() -> routing.contact(call.id()).orElseThrow().status() == ContactStatus.WAITING);

		// A minute in, any Spanish-speaking therapist licensed in Texas will do: Luis, on shift in Denver.
		moveOn(Duration.ofSeconds(40));
		await().until(() -> luis.id().equals(routing.contact(call.id()).orElseThrow().offeredTo()));
		ContactView taken = routing.accept(call.id(), luis.id());

		assertThat(taken.status()).isEqualTo(ContactStatus.ASSIGNED);
		assertThat(Duration.between(taken.arrivedAt(), taken.assignedAt())).isEqualTo(Duration.ofSeconds(61));
		assertThat(routing.explanations(call.id())).last()
			.satisfies(decision -> assertThat(decision.stepName()).isEqualTo("Any licensed therapist"));
	}

	private void moveOn(Duration duration) {
		clock.advance(duration);
		loop.submit((engine, now) -> new Changes());
	}

	private static List<HardFilter> failed(Explanation explanation, StaffMember member) {
		return explanation.candidates().stream().filter(c -> c.agentId().equals(member.id())).findFirst().orElseThrow()
			.failed();
	}

	private StaffMember hire(String name, List<License> licenses, List<CompactAuthorization> compacts,
			Set<Population> populations, ZoneId zone, String hours, String... languages) {
		String[] parts = hours.split(" ");
		String[] times = parts[1].split("-");
		var window = new WeeklyHours(DayOfWeek.valueOf(parts[0]), LocalTime.parse(times[0]), LocalTime.parse(times[1]));
		var spoken = java.util.Arrays.stream(languages).map(code -> Language.of(code, "languages"))
			.collect(java.util.stream.Collectors.toSet());
		return staff.add(new StaffMember(UUID.randomUUID(), name, null, StaffRole.THERAPIST, null, null, null, licenses,
				compacts, Set.of(), populations, List.of(), spoken, Identity.UNDISCLOSED,
				new Fees(150, 90, 180, 2, false, Set.of()), Set.of(Format.VIDEO), true,
				new Availability(zone, List.of(window), List.of()), Map.of(Channel.VOICE, 1), true));
	}

	private static License texas(LicenseType type) {
		return license(UsState.TX, type);
	}

	private static License license(UsState state, LicenseType type) {
		return new License(state, type, type + "-" + state, LicenseStatus.ACTIVE, LocalDate.of(2028, 6, 30));
	}

	private Client client(String name, String phone) {
		var point = new ContactPoint(PhoneNumber.parse(phone, "phone"), "cell", true, false, false);
		return new Client(UUID.randomUUID(), name, "she/her", List.of(point), null, Language.SPANISH,
				new CurrentLocation(UsState.TX, clock.instant().truncatedTo(ChronoUnit.MICROS)),
				EnumSet.noneOf(Population.class), Set.of(), Preferences.NONE, null,
				clock.instant().truncatedTo(ChronoUnit.MICROS));
	}

	private static QueueDefinition intake() {
		var fit = EnumSet.of(HardFilter.LICENSED, HardFilter.LANGUAGE, HardFilter.ACCEPTING_NEW_CLIENTS,
				HardFilter.AVAILABLE_NOW);
		var specialist = EnumSet.copyOf(fit);
		specialist.add(HardFilter.SPECIALIST);
		return new QueueDefinition("intake", List.of(
				new RoutingStep("Own therapist", StepTarget.OWN_THERAPIST, EnumSet.of(HardFilter.LICENSED), Weights.DEFAULT,
						Strategy.BEST_FIT, Duration.ofSeconds(30)),
				new RoutingStep("Licensed specialist", StepTarget.THERAPISTS, specialist, Weights.DEFAULT,
						Strategy.BEST_FIT, Duration.ofSeconds(60)),
				new RoutingStep("Any licensed therapist", StepTarget.THERAPISTS, fit, Weights.DEFAULT, Strategy.BEST_FIT,
						Duration.ofSeconds(120)),
				new RoutingStep("Front desk", StepTarget.FRONT_DESK, EnumSet.of(HardFilter.AVAILABLE_NOW), Weights.DEFAULT,
						Strategy.LONGEST_IDLE, null)),
				Duration.ofSeconds(20));
	}
}
