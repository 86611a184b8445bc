package org.tandem.routing.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.tandem.core.Channel;
import org.tandem.core.Format;
import org.tandem.core.Language;
import org.tandem.core.PhoneNumber;
import org.tandem.core.Population;
import org.tandem.core.UsState;
import org.tandem.directory.Availability;
import org.tandem.directory.Compact;
import org.tandem.directory.CompactAuthorization;
import org.tandem.directory.CompactOperation;
import org.tandem.directory.CompactTable;
import org.tandem.directory.Fees;
import org.tandem.directory.Identity;
import org.tandem.directory.License;
import org.tandem.directory.LicenseStatus;
import org.tandem.directory.LicenseType;
import org.tandem.directory.Modality;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRole;
import org.tandem.directory.TimeOff;
import org.tandem.directory.Verification;
import org.tandem.directory.WeeklyHours;

/**
 * Therapists and front-desk staff as the directory hands them to routing. A fresh builder is a
 * therapist who speaks English, works around the clock, accepts new clients, charges $150 and takes
 * one call at a time; each method changes one fact.
 */
final class StaffFixtures {

	/** Licenses issued by the fixtures run well past every instant the tests use. */
	static final LocalDate LICENSES_EXPIRE = LocalDate.of(2027, 12, 31);

	static final CompactTable NO_COMPACTS = new CompactTable(List.of());

	// Ids grow in creation order, and the index ranks agents by id, so ties fall to whoever was built first.
	private static final AtomicLong IDS = new AtomicLong();

	private StaffFixtures() {
	}

	static Builder therapist(String name) {
		return new Builder(name, StaffRole.THERAPIST);
	}

	static Builder frontDesk(String name) {
		return new Builder(name, StaffRole.FRONT_DESK).capacity(Channel.SMS, 3).capacity(Channel.CHAT, 3);
	}

	/** A compact table in which {@code compact} has been operational in {@code states} since 2020. */
	static CompactTable operational(Compact compact, UsState... states) {
		var rows = new ArrayList<CompactOperation>();
		for (UsState state : states) {
			rows.add(new CompactOperation(compact, state, LocalDate.of(2020, 1, 1), null, "fixture"));
		}
		return new CompactTable(rows);
	}

	static Availability allHours() {
		var weekly = new ArrayList<WeeklyHours>();
		for (DayOfWeek day : DayOfWeek.values()) {
			weekly.add(new WeeklyHours(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
		}
		return new Availability(ZoneOffset.UTC, weekly, List.of());
	}

	static UUID nextId() {
		return new UUID(0x7a6d, IDS.incrementAndGet());
	}

	static final class Builder {

		private UUID id = nextId();
		private final String name;
		private final StaffRole role;
		private final List<License> licenses = new ArrayList<>();
		private final List<CompactAuthorization> compacts = new ArrayList<>();
		private final Set<String> specialties = new LinkedHashSet<>();
		private final Set<Population> populations = EnumSet.noneOf(Population.class);
		private final List<Modality> modalities = new ArrayList<>();
		private final Set<Language> languages = new LinkedHashSet<>(Set.of(Language.ENGLISH));
		private Identity identity = Identity.UNDISCLOSED;
		private Fees fees = new Fees(150, null, null, 0, false, Set.of());
		private boolean acceptingNewClients = true;
		private Availability availability = allHours();
		private final Map<Channel, Integer> capacity = new EnumMap<>(Map.of(Channel.VOICE, 1));
		private boolean active = true;

		private Builder(String name, StaffRole role) {
			this.name = name;
			this.role = role;
		}

		Builder id(UUID id) {
			this.id = id;
			return this;
		}

		/** Full, active licenses of {@code type} in each of {@code states}. */
		Builder licensedIn(LicenseType type, UsState... states) {
			for (UsState state : states) {
				license(state, type, LicenseStatus.ACTIVE, LICENSES_EXPIRE);
			}
			return this;
		}

		/** Marriage and family therapist licenses, the kind no compact extends. */
		Builder licensedIn(UsState... states) {
			return licensedIn(LicenseType.LMFT, states);
		}

		Builder license(UsState state, LicenseType type, LicenseStatus status, LocalDate expiresOn) {
			licenses.add(new License(state, type, state + "-" + licenses.size(), status, expiresOn));
			return this;
		}

		/** A compact authorization; no {@code privilegeStates} means every state where the compact operates. */
		Builder compact(Compact compact, UsState home, LocalDate expiresOn, UsState... privilegeStates) {
			compacts.add(new CompactAuthorization(compact, home, Set.of(privilegeStates), expiresOn));
			return this;
		}

		/** Replaces the languages (English by default) with these ISO 639-1 codes. */
		Builder speaks(String... codes) {
			languages.clear();
			for (String code : codes) {
				languages.add(new Language(code));
			}
			return this;
		}

		Builder serves(Population... served) {
			populations.addAll(List.of(served));
			return this;
		}

		Builder specialties(String... tags) {
			specialties.addAll(List.of(tags));
			return this;
		}

		Builder modality(String tag, Verification verification) {
			modalities.add(new Modality(tag, verification));
			return this;
		}

		/** Identity words the therapist chose to share; routing matches them all alike, so they go in as gender. */
		Builder identifiesAs(String... words) {
			identity = new Identity(Set.of(words), Set.of(), Set.of(), Set.of());
			return this;
		}

		Builder identity(Identity identity) {
			this.identity = identity;
			return this;
		}

		Builder fees(Fees fees) {
			this.fees = fees;
			return this;
		}

		Builder fee(int standard) {
			return fees(new Fees(standard, null, null, 0, false, Set.of()));
		}

		Builder notAcceptingNewClients() {
			acceptingNewClients = false;
			return this;
		}

		Builder acceptingNewClients(boolean accepting) {
			acceptingNewClients = accepting;
			return this;
		}

		/** Working hours on the given days, in the therapist's own zone. */
		Builder works(ZoneId zone, LocalTime from, LocalTime to, DayOfWeek... days) {
			var weekly = new ArrayList<WeeklyHours>();
			for (DayOfWeek day : days) {
				weekly.add(new WeeklyHours(day, from, to));
			}
			availability = new Availability(zone, weekly, availability.timeOff());
			return this;
		}

		Builder off(Instant from, Instant to) {
			var timeOff = new ArrayList<>(availability.timeOff());
			timeOff.add(new TimeOff(from, to, "fixture"));
			availability = new Availability(availability.zone(), availability.weekly(), timeOff);
			return this;
		}

		Builder noHours() {
			availability = null;
			return this;
		}

		/** Contacts at once on {@code channel}; 0 takes the channel away. */
		Builder capacity(Channel channel, int contacts) {
			capacity.put(channel, contacts);
			return this;
		}

		Builder inactive() {
			active = false;
			return this;
		}

		StaffMember build() {
			String handle = name.toLowerCase().replaceAll("[^a-z]", "");
			return new StaffMember(id, name, null, role, handle + "@practice.test", new PhoneNumber("+14155550100"),
					handle, List.copyOf(licenses), List.copyOf(compacts), Set.copyOf(specialties),
					Set.copyOf(populations), List.copyOf(modalities), Set.copyOf(languages), identity, fees,
					Set.of(Format.VIDEO, Format.PHONE), acceptingNewClients, availability, Map.copyOf(capacity), active);
		}
	}
}
