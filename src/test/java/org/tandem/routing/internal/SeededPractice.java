package org.tandem.routing.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.tandem.core.Channel;
import org.tandem.core.Format;
import org.tandem.core.Language;
import org.tandem.core.Population;
import org.tandem.core.UsState;
import org.tandem.directory.Compact;
import org.tandem.directory.CompactOperation;
import org.tandem.directory.CompactTable;
import org.tandem.directory.Fees;
import org.tandem.directory.LicenseStatus;
import org.tandem.directory.LicenseType;
import org.tandem.directory.StaffMember;
import org.tandem.directory.Verification;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.HardFilter;
import org.tandem.routing.Needs;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;
import org.tandem.routing.Strategy;
import org.tandem.routing.Weights;

/**
 * A large practice made up from a seed, the same for the same seed: therapists licensed in one to three
 * of fifty states (some through PSYPACT or the Counseling Compact, a few expired), two or three
 * languages each, niches, modalities, fees, hours and capacities; front-desk staff; agents in every
 * presence with about half of them offerable; and contacts waiting at every step of a four-step queue.
 */
record SeededPractice(List<StaffMember> staff, CompactTable compactTable, List<AgentState> agents,
		QueueDefinition queue, List<ContactState> contacts, Instant now) {

	private static final List<UsState> STATES = List.of(UsState.values()).subList(0, 51).stream()
		.filter(state -> state != UsState.DC)
		.toList();
	private static final List<String> OTHER_LANGUAGES = List.of("zh", "vi", "ko", "tl", "ru", "ar", "fr", "pt", "hi",
			"ja", "de", "he");
	private static final List<String> ISSUES = List.of("communication", "infidelity", "anxiety", "depression",
			"trauma", "grief", "parenting", "blended-family", "sexual-health", "coming-out", "gender-identity",
			"premarital", "divorce", "addiction", "eating", "chronic-illness", "work-stress", "religion", "immigration",
			"conflict", "intimacy", "trust", "boundaries", "self-esteem", "life-transitions");
	private static final List<String> MODALITIES = List.of("gottman", "eft", "cbt", "dbt", "emdr", "ifs", "act",
			"narrative", "psychodynamic", "solution-focused", "imago", "somatic");
	private static final List<String> IDENTITY = List.of("woman", "man", "non-binary", "trans", "gay", "lesbian",
			"queer", "bisexual", "black", "latinx", "asian", "white", "jewish", "muslim", "christian");
	private static final List<LicenseType> LICENSE_TYPES = List.of(LicenseType.LMFT, LicenseType.LMFT, LicenseType.LPC,
			LicenseType.LCSW, LicenseType.PSYCHOLOGIST);
	private static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"),
			ZoneId.of("America/Denver"), ZoneId.of("America/Los_Angeles"));

	/** A Tuesday afternoon on the East Coast, late morning on the West Coast. */
	static final Instant NOW = Instant.parse("2026-03-10T18:00:00Z");

	static SeededPractice generate(long seed, int agentCount, int contactCount, Strategy strategy) {
		var random = new Random(seed);
		LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
		var table = compactTable(random, today);
		var staff = new ArrayList<StaffMember>();
		var agents = new ArrayList<AgentState>();
		for (int i = 0; i < agentCount; i++) {
			StaffMember member = (i % 10 == 9 ? frontDesk(random, i) : therapist(random, i, today)).build();
			staff.add(member);
			agents.add(agent(random, member));
		}
		var therapists = staff.stream().filter(StaffMember::isTherapist).map(StaffMember::id).toList();
		var contacts = new ArrayList<ContactState>();
		for (int i = 0; i < contactCount; i++) {
			contacts.add(contact(random, i, therapists));
		}
		return new SeededPractice(List.copyOf(staff), table, List.copyOf(agents), queue(strategy), List.copyOf(contacts),
				NOW);
	}

	/** An engine that knows the staff, their states and the queue; the contacts are left for the caller to decide. */
	Engine engine() {
		var engine = new Engine(new RoutingProperties(null, null, null));
		engine.defineQueue(queue);
		engine.staffChanged(staff, compactTable, now);
		for (AgentState agent : agents) {
			engine.restore(copy(agent), now);
		}
		return engine;
	}

	LinearScanRouter linearScan() {
		var states = new LinkedHashMap<UUID, AgentState>();
		for (AgentState agent : agents) {
			states.put(agent.id(), copy(agent));
		}
		return new LinearScanRouter(staff, states, compactTable, now);
	}

	private static AgentState copy(AgentState a) {
		return new AgentState(a.id(), a.presence(), a.since(), a.activeByChannel(), a.pendingOffer(), a.pendingChannel(),
				a.missedInARow(), a.wrapUpUntil(), a.idleSince(), a.contactsToday(a.since()), a.today());
	}

	static QueueDefinition queue(Strategy strategy) {
		Set<HardFilter> licensed = Set.of(HardFilter.LICENSED, HardFilter.LANGUAGE, HardFilter.ACCEPTING_NEW_CLIENTS,
				HardFilter.AVAILABLE_NOW);
		var specialist = new HashSet<>(licensed);
		specialist.add(HardFilter.SPECIALIST);
		return new QueueDefinition("intake", List.of(
				new RoutingStep("own therapist", StepTarget.OWN_THERAPIST,
						Set.of(HardFilter.LICENSED, HardFilter.AVAILABLE_NOW), Weights.DEFAULT, strategy,
						Duration.ofSeconds(30)),
				new RoutingStep("licensed specialist", StepTarget.THERAPISTS, specialist, Weights.DEFAULT, strategy,
						Duration.ofSeconds(60)),
				new RoutingStep("any licensed therapist", StepTarget.THERAPISTS, licensed, Weights.DEFAULT, strategy,
						Duration.ofSeconds(120)),
				new RoutingStep("front desk", StepTarget.FRONT_DESK, Set.of(HardFilter.LANGUAGE), Weights.DEFAULT,
						strategy, null)),
				Duration.ofSeconds(20));
	}

	private static CompactTable compactTable(Random random, LocalDate today) {
		var rows = new ArrayList<CompactOperation>();
		for (UsState state : STATES) {
			if (random.nextInt(100) < 80) {
				rows.add(new CompactOperation(Compact.PSYPACT, state, LocalDate.of(2021, 1, 1), null, "seeded"));
			}
			if (random.nextInt(100) < 20) {
				rows.add(new CompactOperation(Compact.COUNSELING_COMPACT, state, today.minusDays(random.nextInt(400)),
						null, "seeded"));
			}
		}
		return new CompactTable(rows);
	}

	private static StaffFixtures.Builder therapist(Random random, int i, LocalDate today) {
		var builder = StaffFixtures.therapist("Therapist " + i).id(id(i));
		LicenseType type = pick(random, LICENSE_TYPES);
		List<UsState> states = some(random, STATES, 1 + random.nextInt(3));
		for (UsState state : states) {
			boolean expired = random.nextInt(100) < 5;
			builder.license(state, type, LicenseStatus.ACTIVE, expired ? today.minusDays(1 + random.nextInt(300))
					: today.plusDays(1 + random.nextInt(700)));
		}
		if (type == LicenseType.PSYCHOLOGIST && random.nextBoolean()) {
			builder.compact(Compact.PSYPACT, states.get(0), today.plusDays(random.nextInt(700) - 50));
		}
		if (type == LicenseType.LPC && random.nextBoolean()) {
			builder.compact(Compact.COUNSELING_COMPACT, states.get(0), today.plusDays(365),
					some(random, STATES, 1 + random.nextInt(4)).toArray(UsState[]::new));
		}
		builder.speaks(languages(random).toArray(String[]::new));
		builder.serves(some(random, List.of(Population.values()), random.nextInt(5)).toArray(Population[]::new));
		builder.specialties(some(random, ISSUES, 2 + random.nextInt(5)).toArray(String[]::new));
		for (String modality : some(random, MODALITIES, 1 + random.nextInt(3))) {
			builder.modality(modality, pick(random, List.of(Verification.values())));
		}
		builder.identifiesAs(some(random, IDENTITY, random.nextInt(4)).toArray(String[]::new));
		int standard = 90 + 10 * random.nextInt(17);
		Integer sliding = random.nextInt(100) < 30 ? standard - 10 * (1 + random.nextInt(6)) : null;
		Integer couples = random.nextBoolean() ? standard + 10 * random.nextInt(8) : null;
		builder.fees(new Fees(standard, sliding, couples, sliding == null ? 0 : random.nextInt(4), random.nextBoolean(),
				Set.of()));
		builder.acceptingNewClients(random.nextInt(100) < 70);
		hours(random, builder);
		builder.capacity(Channel.CHAT, 1 + random.nextInt(3)).capacity(Channel.SMS, random.nextInt(4));
		return builder;
	}

	private static StaffFixtures.Builder frontDesk(Random random, int i) {
		var builder = StaffFixtures.frontDesk("Front desk " + i).id(id(i));
		builder.speaks(languages(random).toArray(String[]::new));
		hours(random, builder);
		return builder;
	}

	private static void hours(Random random, StaffFixtures.Builder builder) {
		if (random.nextInt(100) < 30) {
			int start = 7 + random.nextInt(6);
			builder.works(pick(random, ZONES), LocalTime.of(start, 0), LocalTime.of(start + 4 + random.nextInt(6), 0),
					DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
		}
	}

	/** Two or three languages: English for about nine in ten, Spanish for about one in five. */
	private static List<String> languages(Random random) {
		var languages = new ArrayList<String>();
		if (random.nextInt(100) < 90) {
			languages.add("en");
		}
		if (random.nextInt(100) < 20) {
			languages.add("es");
		}
		int wanted = 2 + random.nextInt(2);
		while (languages.size() < wanted) {
			String other = pick(random, OTHER_LANGUAGES);
			if (!languages.contains(other)) {
				languages.add(other);
			}
		}
		return languages;
	}

	/** About half can take a contact on its channel: available, or busy with room left on that channel. */
	private static AgentState agent(Random random, StaffMember member) {
		Instant idleSince = NOW.minusSeconds(random.nextInt(4 * 3600));
		int contactsToday = random.nextInt(9);
		LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
		Map<Channel, Integer> active = new EnumMap<>(Channel.class);
		int roll = random.nextInt(100);
		Presence presence;
		Instant wrapUpUntil = null;
		if (roll < 30) {
			presence = Presence.AVAILABLE;
		}
		else if (roll < 45) {
			presence = Presence.BUSY;
			active.put(member.capacityFor(Channel.CHAT) > 1 ? Channel.CHAT : Channel.VOICE, 1);
		}
		else if (roll < 55) {
			presence = Presence.BUSY;
			active.put(Channel.VOICE, 1);
		}
		else if (roll < 60) {
			presence = Presence.WRAP_UP;
			wrapUpUntil = NOW.plusSeconds(1 + random.nextInt(30));
		}
		else if (roll < 78) {
			presence = Presence.AWAY;
		}
		else {
			presence = Presence.OFFLINE;
		}
		return new AgentState(member.id(), presence, idleSince, active, null, null, 0, wrapUpUntil, idleSince,
				contactsToday, today);
	}

	private static ContactState contact(Random random, int i, List<UUID> therapists) {
		int channelRoll = random.nextInt(100);
		Channel channel = channelRoll < 60 ? Channel.VOICE : channelRoll < 85 ? Channel.CHAT : Channel.SMS;
		int languageRoll = random.nextInt(100);
		Language language = new Language(languageRoll < 80 ? "en" : languageRoll < 95 ? "es" : pick(random, OTHER_LANGUAGES));
		UUID own = random.nextInt(100) < 30 ? pick(random, therapists) : null;
		var populations = some(random, List.of(Population.values()), random.nextInt(3));
		boolean couple = populations.stream().anyMatch(p -> p.name().endsWith("_COUPLES"));
		Integer budget = random.nextInt(100) < 40 ? null : 80 + 10 * random.nextInt(18);
		var needs = new Needs(Set.copyOf(populations), Set.copyOf(some(random, ISSUES, random.nextInt(4))), language,
				pick(random, STATES), Format.VIDEO, budget, own == null && random.nextInt(100) < 80,
				random.nextInt(100) < 30 ? Set.copyOf(some(random, IDENTITY, 1 + random.nextInt(2))) : Set.of(),
				Set.copyOf(some(random, MODALITIES, random.nextInt(3))), couple);
		Instant queuedAt = NOW.minusSeconds(random.nextInt(240));
		Instant arrivedAt = random.nextInt(100) < 5 ? queuedAt.minusSeconds(3600) : queuedAt;
		Set<UUID> passedOver = random.nextInt(100) < 5 ? Set.copyOf(some(random, therapists, 1 + random.nextInt(2)))
				: Set.of();
		int priority = random.nextInt(100) < 3 ? 9 : 0;
		return new ContactState(new UUID(0x636f, i), i + 1L, "intake", channel, priority, needs, null, null, own,
				arrivedAt, queuedAt, Map.of(), passedOver, ContactStatus.WAITING, null, null, 0, null, null, null);
	}

	private static UUID id(int i) {
		return new UUID(0x7374, i);
	}

	private static <T> T pick(Random random, List<T> from) {
		return from.get(random.nextInt(from.size()));
	}

	private static <T> List<T> some(Random random, List<T> from, int count) {
		var shuffled = new ArrayList<>(from);
		Collections.shuffle(shuffled, random);
		return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
	}
}
