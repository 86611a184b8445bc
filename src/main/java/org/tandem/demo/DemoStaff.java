package org.tandem.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import org.tandem.directory.Modality;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRole;
import org.tandem.directory.Verification;
import org.tandem.directory.WeeklyHours;

/** A readable way to write down a demo staff member. */
final class DemoStaff {

	private static final LocalDate RENEWAL = LocalDate.of(2028, 6, 30);

	private final String name;
	private final StaffRole role;
	private String pronouns;
	private String sipUser;
	private PhoneNumber phone;
	private final List<License> licenses = new ArrayList<>();
	private final List<CompactAuthorization> compacts = new ArrayList<>();
	private final Set<String> specialties = new HashSet<>();
	private final Set<Population> populations = new HashSet<>();
	private final List<Modality> modalities = new ArrayList<>();
	private final Set<Language> languages = new HashSet<>(Set.of(Language.ENGLISH));
	private Identity identity = Identity.UNDISCLOSED;
	private Fees fees;
	private boolean acceptingNew = true;
	private ZoneId zone = ZoneId.of("America/Chicago");
	private final List<WeeklyHours> hours = new ArrayList<>();
	private final Map<Channel, Integer> capacity = new EnumMap<>(Map.of(Channel.VOICE, 1, Channel.CALLBACK, 1,
			Channel.VOICEMAIL, 2, Channel.CHAT, 2, Channel.SMS, 3));

	private DemoStaff(String name, StaffRole role) {
		this.name = name;
		this.role = role;
	}

	static DemoStaff therapist(String name) {
		return new DemoStaff(name, StaffRole.THERAPIST);
	}

	static DemoStaff frontDesk(String name) {
		return new DemoStaff(name, StaffRole.FRONT_DESK);
	}

	DemoStaff pronouns(String pronouns) {
		this.pronouns = pronouns;
		return this;
	}

	DemoStaff phone(String sipUser, String number) {
		this.sipUser = sipUser;
		this.phone = PhoneNumber.parse(number, "phone");
		return this;
	}

	DemoStaff license(UsState state, LicenseType type, String number) {
		licenses.add(new License(state, type, number, LicenseStatus.ACTIVE, RENEWAL));
		return this;
	}

	DemoStaff lapsedLicense(UsState state, LicenseType type, String number) {
		licenses.add(new License(state, type, number, LicenseStatus.INACTIVE, LocalDate.of(2025, 12, 31)));
		return this;
	}

	DemoStaff compact(Compact compact, UsState home) {
		compacts.add(new CompactAuthorization(compact, home, Set.of(), RENEWAL));
		return this;
	}

	DemoStaff serves(Population... served) {
		populations.addAll(List.of(served));
		return this;
	}

	DemoStaff specialties(String... tags) {
		specialties.addAll(List.of(tags));
		return this;
	}

	DemoStaff modality(String modality, Verification verification) {
		modalities.add(new Modality(modality, verification));
		return this;
	}

	DemoStaff speaks(String... codes) {
		for (String code : codes) {
			languages.add(Language.of(code, "languages"));
		}
		return this;
	}

	DemoStaff identity(Set<String> gender, Set<String> orientation, Set<String> raceEthnicity, Set<String> faith) {
		this.identity = new Identity(gender, orientation, raceEthnicity, faith);
		return this;
	}

	DemoStaff fees(int standard, Integer slidingMin, Integer couples, int lowFeeSlots) {
		this.fees = new Fees(standard, slidingMin, couples, lowFeeSlots, true, Set.of());
		return this;
	}

	DemoStaff notAcceptingNewClients() {
		this.acceptingNew = false;
		return this;
	}

	/** Hours in the person's own zone, e.g. {@code "MON-THU 17:00-21:00"}, {@code "SAT 10:00-14:00"}. */
	DemoStaff hours(String zoneId, String... windows) {
		this.zone = ZoneId.of(zoneId);
		for (String window : windows) {
			String[] parts = window.split(" ");
			String[] days = parts[0].split("-");
			String[] times = parts[1].split("-");
			DayOfWeek first = day(days[0]);
			DayOfWeek last = day(days[days.length - 1]);
			for (DayOfWeek day = first;; day = day.plus(1)) {
				hours.add(new WeeklyHours(day, LocalTime.parse(times[0]), LocalTime.parse(times[1])));
				if (day == last) {
					break;
				}
			}
		}
		return this;
	}

	private static DayOfWeek day(String abbreviation) {
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().startsWith(abbreviation)) {
				return day;
			}
		}
		throw new IllegalArgumentException(abbreviation);
	}

	StaffMember build() {
		String email = name.toLowerCase().replaceAll("[^a-z ]", "").trim().replace(' ', '.') + "@tandem-demo.example";
		return new StaffMember(UUID.randomUUID(), name, pronouns, role, email, phone, sipUser, licenses, compacts,
				specialties, populations, modalities, languages, identity, fees,
				Set.of(Format.VIDEO, Format.PHONE), acceptingNew, new Availability(zone, hours, List.of()), capacity,
				true);
	}
}
