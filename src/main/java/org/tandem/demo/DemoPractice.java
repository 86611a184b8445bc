package org.tandem.demo;

import static org.tandem.core.Population.*;
import static org.tandem.core.UsState.*;
import static org.tandem.directory.LicenseType.*;
import static org.tandem.directory.Verification.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tandem.clients.Client;
import org.tandem.clients.ClientRegistration;
import org.tandem.clients.ContactPoint;
import org.tandem.clients.Couple;
import org.tandem.clients.CurrentLocation;
import org.tandem.clients.Preferences;
import org.tandem.core.Format;
import org.tandem.core.Language;
import org.tandem.core.PhoneNumber;
import org.tandem.core.Population;
import org.tandem.directory.Compact;
import org.tandem.directory.Directory;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRegistration;
import org.tandem.platform.DatabaseProperties;
import org.tandem.routing.HardFilter;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.Routing;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;
import org.tandem.routing.Strategy;
import org.tandem.routing.Weights;
import org.tandem.security.NewUser;
import org.tandem.security.Role;
import org.tandem.security.UserAccounts;

/**
 * Loads the demo practice once, into an empty embedded database, when {@code tandem.demo.enabled}.
 * It goes through the same registrations as the API, so the demo can only hold what the API accepts.
 */
@Component
class DemoPractice {

	private static final Logger log = LoggerFactory.getLogger(DemoPractice.class);

	private final DemoProperties properties;
	private final DatabaseProperties database;
	private final Directory directory;
	private final StaffRegistration staff;
	private final ClientRegistration clients;
	private final Routing routing;
	private final UserAccounts users;
	private final Clock clock;

	DemoPractice(DemoProperties properties, DatabaseProperties database, Directory directory, StaffRegistration staff,
			ClientRegistration clients, Routing routing, UserAccounts users, Clock clock) {
		if (properties.enabled() && !database.embedded()) {
			throw new IllegalStateException(
					"tandem.demo.enabled loads made-up people and only works on the embedded database; unset TANDEM_DB_URL or the demo");
		}
		this.properties = properties;
		this.database = database;
		this.directory = directory;
		this.staff = staff;
		this.clients = clients;
		this.routing = routing;
		this.users = users;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void load() {
		if (!properties.enabled() || !directory.staff().isEmpty()) {
			return;
		}
		List<StaffMember> team = team().stream().map(staff::add).toList();
		clientsOf(team);
		routing.defineQueue(intake());
		routing.defineQueue(frontDesk());
		usersOf(team);
		log.info("Loaded the demo practice: {} staff, 5 clients, 1 couple, queues 'intake' and 'front-desk', "
				+ "users 'supervisor', 'frontdesk' and 'marcus' (passwords in the README)", team.size());
	}

	/** The demo passwords are in the README; they exist only in a demo database. */
	private void usersOf(List<StaffMember> team) {
		users.create(new NewUser("supervisor", "demo-supervisor", Set.of(Role.SUPERVISOR), null));
		users.create(new NewUser("frontdesk", "demo-frontdesk", Set.of(Role.FRONT_DESK), team.get(10).id()));
		users.create(new NewUser("marcus", "demo-therapist", Set.of(Role.THERAPIST), team.get(0).id()));
	}

	private static List<StaffMember> team() {
		return List.of(
				DemoStaff.therapist("Marcus Chen").pronouns("he/him").phone("marcus", "+14155550101")
					.license(CA, LMFT, "LMFT 112233").license(NY, LMFT, "LMFT 004455")
					.serves(GAY_MALE_COUPLES, QUEER_COUPLES, LGBTQ_INDIVIDUALS)
					.specialties("infidelity", "communication", "coming-out", "sex-and-intimacy")
					.modality("gottman", CERTIFIED).modality("eft", TRAINED)
					.identity(Set.of("man"), Set.of("gay"), Set.of("asian-american"), Set.of())
					.fees(175, 110, 210, 2).hours("America/Los_Angeles", "MON-THU 12:00-21:00", "SAT 10:00-14:00")
					.build(),
				DemoStaff.therapist("Dana Whitfield").pronouns("she/they").phone("dana", "+15125550102")
					.license(TX, LPC, "LPC 77881")
					.serves(LESBIAN_COUPLES, QUEER_COUPLES, TRANS_NONBINARY)
					.specialties("communication", "blended-families", "trust")
					.modality("eft", CERTIFIED)
					.identity(Set.of("woman", "non-binary"), Set.of("lesbian"), Set.of("white"), Set.of())
					.fees(160, 95, 190, 3).hours("America/Chicago", "TUE-FRI 14:00-21:00", "SUN 12:00-16:00")
					.build(),
				DemoStaff.therapist("Sofía Ramírez").pronouns("she/her").phone("sofia", "+15125550103")
					.license(TX, LCSW, "LCSW 55120").license(NM, LCSW, "LCSW 9031").speaks("es")
					.serves(LESBIAN_COUPLES, IMMIGRANT, BIPOC, LGBTQ_INDIVIDUALS, INTERRACIAL_COUPLES)
					.specialties("acculturation", "anxiety", "communication", "family-conflict")
					.modality("cbt", TRAINED).modality("narrative", SELF_REPORTED)
					.identity(Set.of("woman"), Set.of("queer"), Set.of("latinx"), Set.of("catholic"))
					.fees(140, 60, 170, 5).hours("America/Chicago", "MON-FRI 09:00-17:00", "WED 18:00-21:00")
					.build(),
				DemoStaff.therapist("Jordan Okafor").pronouns("they/them").phone("jordan", "+14155550104")
					.license(CA, LMFT, "LMFT 135790")
					.serves(TRANS_NONBINARY, QUEER_COUPLES, POLYAMOROUS, LGBTQ_INDIVIDUALS)
					.specialties("gender-affirming-care", "polyamory", "identity")
					.modality("ifs", TRAINED)
					.identity(Set.of("non-binary"), Set.of("queer"), Set.of("black"), Set.of())
					.fees(165, 100, 195, 2).hours("America/Los_Angeles", "SAT-SUN 10:00-18:00", "MON 17:00-21:00")
					.build(),
				DemoStaff.therapist("Dr. Rachel Goldberg").pronouns("she/her").phone("rachel", "+12155550105")
					.license(PA, PSYCHOLOGIST, "PS 018822").compact(Compact.PSYPACT, PA)
					.serves(INTERFAITH_COUPLES, HETEROSEXUAL_COUPLES, LESBIAN_COUPLES)
					.specialties("infidelity", "premarital", "anxiety", "trauma")
					.modality("gottman", TRAINED).modality("cbt", CERTIFIED)
					.identity(Set.of("woman"), Set.of(), Set.of("white"), Set.of("jewish"))
					.fees(220, null, 250, 0).hours("America/New_York", "MON-THU 08:00-20:00")
					.build(),
				DemoStaff.therapist("Dr. Amir Haddad").pronouns("he/him").phone("amir", "+17135550106")
					.license(TX, PSYCHOLOGIST, "PSY 40417").compact(Compact.PSYPACT, TX).speaks("ar")
					.serves(INTERFAITH_COUPLES, IMMIGRANT, HETEROSEXUAL_COUPLES, GAY_MALE_COUPLES)
					.specialties("acculturation", "depression", "communication")
					.modality("eft", TRAINED).modality("cbt", CERTIFIED)
					.identity(Set.of("man"), Set.of("gay"), Set.of("arab-american"), Set.of("muslim"))
					.fees(200, 120, 230, 2).hours("America/Chicago", "MON-FRI 10:00-19:00")
					.build(),
				DemoStaff.therapist("Keisha Brown").pronouns("she/her").phone("keisha", "+12125550107")
					.license(NY, LCSW, "LCSW 091234").license(NJ, LCSW, "LCSW 44B01")
					.serves(BIPOC, INTERRACIAL_COUPLES, HETEROSEXUAL_COUPLES, LESBIAN_COUPLES)
					.specialties("racial-trauma", "communication", "parenting")
					.modality("eft", CERTIFIED)
					.identity(Set.of("woman"), Set.of("bisexual"), Set.of("black"), Set.of())
					.fees(170, 90, 200, 3).hours("America/New_York", "MON-FRI 16:00-22:00")
					.build(),
				DemoStaff.therapist("Luis Moreno").pronouns("he/him").phone("luis", "+19155550108")
					.license(TX, LMFT, "LMFT 20456").speaks("es")
					.serves(HETEROSEXUAL_COUPLES, IMMIGRANT, GAY_MALE_COUPLES)
					.specialties("premarital", "communication", "infidelity")
					.modality("gottman", CERTIFIED)
					.identity(Set.of("man"), Set.of("gay"), Set.of("latinx"), Set.of())
					.fees(150, 80, 180, 4).hours("America/Denver", "SAT-SUN 09:00-17:00", "THU 18:00-21:00")
					.build(),
				DemoStaff.therapist("Priya Natarajan").pronouns("she/her").phone("priya", "+13125550109")
					.license(IL, LPC, "LPC 180.0099").speaks("hi", "ta")
					.serves(IMMIGRANT, ADOLESCENTS, INTERFAITH_COUPLES)
					.specialties("anxiety", "family-conflict", "acculturation")
					.modality("cbt", CERTIFIED)
					.identity(Set.of("woman"), Set.of(), Set.of("south-asian"), Set.of("hindu"))
					.fees(150, 90, 180, 2).hours("America/Chicago", "MON-FRI 09:00-18:00")
					.build(),
				DemoStaff.therapist("Sam Rivera").pronouns("he/they").phone("sam", "+12125550110")
					.license(NY, LMHC, "LMHC 007788").lapsedLicense(FL, LMHC, "MH 12345")
					.serves(LGBTQ_INDIVIDUALS, TRANS_NONBINARY, GAY_MALE_COUPLES).notAcceptingNewClients()
					.specialties("coming-out", "substance-use", "grief")
					.modality("dbt", TRAINED)
					.identity(Set.of("trans-man"), Set.of("queer"), Set.of("latinx"), Set.of())
					.fees(160, 100, 190, 1).hours("America/New_York", "TUE-SAT 11:00-20:00")
					.build(),
				DemoStaff.frontDesk("Alex Kim").pronouns("he/him").phone("alex", "+15125550111")
					.hours("America/Chicago", "MON-FRI 08:00-20:00", "SAT 09:00-13:00").build(),
				DemoStaff.frontDesk("María López").pronouns("she/her").phone("maria", "+15125550112").speaks("es")
					.hours("America/Chicago", "MON-FRI 12:00-21:00", "SUN 10:00-16:00").build());
	}

	private void clientsOf(List<StaffMember> team) {
		UUID marcus = team.get(0).id();
		UUID jordan = team.get(3).id();
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Client ana = clients.register(client("Ana Torres", "she/her", "+15125550142", true, false, "es",
				new CurrentLocation(TX, now), EnumSet.of(LESBIAN_COUPLES), new Preferences(Set.of("latinx", "queer"),
						Set.of("eft"), 180, Set.of(Format.VIDEO)), null, now));
		Client lucia = clients.register(client("Lucía Medina", "she/her", "+15125550143", false, false, "es",
				new CurrentLocation(TX, now), EnumSet.of(LESBIAN_COUPLES), Preferences.NONE, null, now));
		clients.openCouple(new Couple(UUID.randomUUID(), ana.id(), lucia.id(), EnumSet.of(LESBIAN_COUPLES),
				Set.of("communication", "trust"), null, null));
		clients.register(client("David Park", "he/him", "+14155550144", true, true, "en",
				new CurrentLocation(NY, now.minus(Duration.ofDays(2))), EnumSet.of(GAY_MALE_COUPLES),
				Preferences.NONE, marcus, now));
		clients.register(client("Taylor Nguyen", "they/them", "+14155550145", true, true, "en",
				new CurrentLocation(CA, now), EnumSet.of(TRANS_NONBINARY), Preferences.NONE, jordan, now));
		clients.register(client("Grace Whitman", "she/her", "+12125550146", true, false, "en", null,
				EnumSet.noneOf(Population.class), new Preferences(Set.of(), Set.of("gottman"), 150, Set.of()), null, now));
	}

	private static Client client(String name, String pronouns, String phone, boolean okToCall, boolean okToText,
			String language, CurrentLocation location, Set<Population> populations, Preferences preferences,
			UUID ownTherapist, Instant now) {
		var point = new ContactPoint(PhoneNumber.parse(phone, "phone"), "cell", okToCall, okToText, false);
		return new Client(UUID.randomUUID(), name, pronouns, List.of(point), null, Language.of(language, "language"),
				location, populations, Set.of(), preferences, ownTherapist, now);
	}

	private static QueueDefinition intake() {
		Set<HardFilter> licensed = EnumSet.of(HardFilter.LICENSED, HardFilter.AVAILABLE_NOW);
		Set<HardFilter> newClientFit = EnumSet.of(HardFilter.LICENSED, HardFilter.LANGUAGE,
				HardFilter.ACCEPTING_NEW_CLIENTS, HardFilter.AVAILABLE_NOW);
		Set<HardFilter> specialist = EnumSet.copyOf(newClientFit);
		specialist.add(HardFilter.SPECIALIST);
		return new QueueDefinition("intake", List.of(
				new RoutingStep("Own therapist", StepTarget.OWN_THERAPIST, licensed, Weights.DEFAULT, Strategy.BEST_FIT,
						Duration.ofSeconds(30)),
				new RoutingStep("Licensed specialist", StepTarget.THERAPISTS, specialist, Weights.DEFAULT,
						Strategy.BEST_FIT, Duration.ofSeconds(60)),
				new RoutingStep("Any licensed therapist", StepTarget.THERAPISTS, newClientFit, Weights.DEFAULT,
						Strategy.FEWEST_CONTACTS_TODAY, Duration.ofSeconds(120)),
				new RoutingStep("Front desk", StepTarget.FRONT_DESK, EnumSet.of(HardFilter.AVAILABLE_NOW),
						Weights.DEFAULT, Strategy.LONGEST_IDLE, null)),
				QueueDefinition.DEFAULT_OFFER_TIMEOUT);
	}

	private static QueueDefinition frontDesk() {
		return new QueueDefinition("front-desk", List.of(new RoutingStep("Front desk", StepTarget.FRONT_DESK,
				EnumSet.of(HardFilter.AVAILABLE_NOW, HardFilter.LANGUAGE), Weights.DEFAULT, Strategy.LONGEST_IDLE,
				Duration.ofSeconds(60)),
				new RoutingStep("Any front desk", StepTarget.FRONT_DESK, Set.of(), Weights.DEFAULT,
						Strategy.ROUND_ROBIN, null)),
				QueueDefinition.DEFAULT_OFFER_TIMEOUT);
	}
}
