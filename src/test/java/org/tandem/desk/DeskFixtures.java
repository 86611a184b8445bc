package org.tandem.desk;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.tandem.clients.Client;
import org.tandem.clients.ClientRegistration;
import org.tandem.clients.ContactPoint;
import org.tandem.clients.Couple;
import org.tandem.clients.CurrentLocation;
import org.tandem.core.Channel;
import org.tandem.core.Format;
import org.tandem.core.Language;
import org.tandem.core.PhoneNumber;
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
import org.tandem.routing.ContactRequest;
import org.tandem.routing.ContactView;
import org.tandem.routing.HardFilter;
import org.tandem.routing.Needs;
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
 * The people, users, queues and clients a desktop test works with, made through the real registrations and
 * taken out of routing afterwards, so that tests sharing a context never answer each other's contacts.
 * Every name is invented; every number is in the fictional 555-01xx range. A test class registers it as an
 * extension ({@code @RegisterExtension final DeskFixtures fixtures = new DeskFixtures();}) to have it set up
 * from the test's application context before each test and cleaned up after it.
 */
public final class DeskFixtures implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

	public static final String PASSWORD = "desk-test-password";

	private static final AtomicInteger SERIAL = new AtomicInteger();

	private StaffRegistration staff;
	private UserAccounts users;
	private ClientRegistration clients;
	private Routing routing;
	private final List<UUID> added = new ArrayList<>();
	private final List<String> queues = new ArrayList<>();

	/** Set up by the extension callbacks, from the test's application context. */
	public DeskFixtures() {
	}

	public DeskFixtures(StaffRegistration staff, UserAccounts users, ClientRegistration clients, Routing routing) {
		this.staff = staff;
		this.users = users;
		this.clients = clients;
		this.routing = routing;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		staff = application.getBean(StaffRegistration.class);
		users = application.getBean(UserAccounts.class);
		clients = application.getBean(ClientRegistration.class);
		routing = application.getBean(Routing.class);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		close();
	}

	/** A name no other test uses, since tests share their database. */
	public static String unique(String stem) {
		return stem + "-" + SERIAL.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
	}

	/** A therapist licensed in {@code state}, working around the clock, with a user of the same name. */
	public StaffMember therapist(String username, UsState state) {
		return therapist(username, "Dr " + username, state);
	}

	public StaffMember therapist(String username, String name, UsState state) {
		return member(username, name, StaffRole.THERAPIST, state, Role.THERAPIST);
	}

	public StaffMember frontDesk(String username) {
		return member(username, "Desk " + username, StaffRole.FRONT_DESK, UsState.IL, Role.FRONT_DESK);
	}

	private StaffMember member(String username, String name, StaffRole role, UsState state, Role userRole) {
		var always = Arrays.stream(DayOfWeek.values())
			.map(day -> new WeeklyHours(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT))
			.toList();
		var licenses = role == StaffRole.THERAPIST
				? List.of(new License(state, LicenseType.LMFT, "T-" + state, LicenseStatus.ACTIVE, LocalDate.of(2030, 1, 1)))
				: List.<License>of();
		var member = staff.add(new StaffMember(UUID.randomUUID(), name, "they/them", role, null, null, null,
				licenses, List.of(), Set.of(), Set.of(Population.LESBIAN_COUPLES), List.of(),
				Set.of(Language.ENGLISH, Language.SPANISH), Identity.UNDISCLOSED,
				role == StaffRole.THERAPIST ? new Fees(150, 90, 180, 2, false, Set.of()) : null, Set.of(Format.VIDEO),
				true, new Availability(ZoneId.of("America/Chicago"), always, List.of()),
				Map.of(Channel.VOICE, 1, Channel.CALLBACK, 1, Channel.CHAT, 2), true));
		added.add(member.id());
		users.create(new NewUser(username, PASSWORD, Set.of(userRole), member.id()));
		return member;
	}

	/** One step: a therapist licensed where the client is, best fit first. */
	public QueueDefinition therapistQueue(String name, Duration offerTimeout) {
		return define(new QueueDefinition(name, List.of(new RoutingStep("Licensed therapist", StepTarget.THERAPISTS,
				Set.of(HardFilter.LICENSED), Weights.DEFAULT, Strategy.BEST_FIT, null)), offerTimeout));
	}

	public QueueDefinition frontDeskQueue(String name) {
		return define(new QueueDefinition(name, List.of(new RoutingStep("Front desk", StepTarget.FRONT_DESK, Set.of(),
				Weights.DEFAULT, Strategy.LONGEST_IDLE, null)), Duration.ofSeconds(30)));
	}

	private QueueDefinition define(QueueDefinition queue) {
		queues.add(queue.name());
		return routing.defineQueue(queue);
	}

	/** A client in {@code state} whose cell takes calls but no texts and no detailed voicemail. */
	public Client client(String name, UsState state) {
		return clients.register(new Client(UUID.randomUUID(), name, "she/her",
				List.of(new ContactPoint(new PhoneNumber("+1312555" + String.format("%04d", 100 + SERIAL.incrementAndGet() % 100)),
						"cell", true, false, false)),
				null, Language.SPANISH, new CurrentLocation(state, Instant.now()), Set.of(Population.LESBIAN_COUPLES),
				Set.of(), null, null, Instant.now()));
	}

	public Couple couple(Client a, Client b) {
		return clients.openCouple(new Couple(UUID.randomUUID(), a.id(), b.id(), Set.of(Population.LESBIAN_COUPLES),
				Set.of(), null, null));
	}

	/** A call as the IVR would queue it: the caller chose Spanish, the intake menu and gave a ZIP code. */
	public ContactView call(String queue, Client client, UsState state) {
		return routing.enqueue(new ContactRequest(queue, Channel.VOICE, 0,
				new Needs(null, null, null, state, null, null, null, null, null, null), client == null ? null : client.id(),
				null, null, Map.of("language", "es", "main-menu", "1", "zip", "60614")));
	}

	/** Contacts still waiting would otherwise be offered to the next test's agents. */
	@Override
	public void close() {
		for (String queue : queues) {
			routing.queue(queue).forEach(contact -> routing.withdraw(contact.id()));
		}
		added.forEach(staff::deactivate);
		queues.clear();
		added.clear();
	}
}
