package org.tandem.directory;

import static org.tandem.core.UsState.CA;
import static org.tandem.core.UsState.CO;
import static org.tandem.core.UsState.NV;
import static org.tandem.core.UsState.OR;
import static org.tandem.core.UsState.TX;
import static org.tandem.core.UsState.WA;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
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

/** The people of a small practice, as of {@link #TODAY}. */
public final class StaffFixtures {

	public static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	public static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

	private StaffFixtures() {
	}

	/** An LMFT in California who sees gay and lesbian couples on weekday evenings and Saturday mornings. */
	public static StaffMember couplesTherapist() {
		return new StaffMember(UUID.fromString("00000000-0000-0000-0000-0000000000a1"), "Rosa Alvarez", "she/her",
				StaffRole.THERAPIST, "rosa@example.org", new PhoneNumber("+14155550123"), "rosa",
				List.of(license(CA, LicenseType.LMFT, LicenseStatus.ACTIVE, LocalDate.of(2028, 6, 30))), List.of(),
				Set.of("affairs", "couples-communication"),
				Set.of(Population.GAY_MALE_COUPLES, Population.LESBIAN_COUPLES),
				List.of(new Modality("gottman", Verification.CERTIFIED), new Modality("eft", Verification.TRAINED)),
				Set.of(Language.ENGLISH, Language.SPANISH),
				new Identity(Set.of("woman"), Set.of("queer"), Set.of("latinx"), Set.of()),
				new Fees(180, 90, 220, 3, true, Set.of("aetna")), Set.of(Format.VIDEO, Format.IN_PERSON), true,
				eveningsAndSaturdays(PACIFIC), Map.of(Channel.VOICE, 1, Channel.CHAT, 3), true);
	}

	/** A psychologist licensed in Texas, with a PSYPACT authorization anchored there. */
	public static StaffMember psychologist() {
		return StaffMemberBuilder.from(couplesTherapist())
			.name("Sam Okafor")
			.sipUser("sam")
			.licenses(license(TX, LicenseType.PSYCHOLOGIST, LicenseStatus.ACTIVE, LocalDate.of(2027, 12, 31)))
			.compacts(new CompactAuthorization(Compact.PSYPACT, TX, Set.of(), LocalDate.of(2027, 12, 31)))
			.build();
	}

	/** An LPC in Colorado with Counseling Compact privileges in Washington and Nevada. */
	public static StaffMember counselor() {
		return StaffMemberBuilder.from(couplesTherapist())
			.name("Jo Lindqvist")
			.sipUser("jo")
			.licenses(license(CO, LicenseType.LPC, LicenseStatus.ACTIVE, LocalDate.of(2027, 8, 31)))
			.compacts(new CompactAuthorization(Compact.COUNSELING_COMPACT, CO, Set.of(WA, NV),
					LocalDate.of(2027, 8, 31)))
			.build();
	}

	/** The front desk: no licenses, no fees. */
	public static StaffMember frontDesk() {
		return StaffMemberBuilder.from(couplesTherapist())
			.name("Kim Park")
			.role(StaffRole.FRONT_DESK)
			.sipUser("desk")
			.licenses()
			.fees(null)
			.build();
	}

	/**
	 * PSYPACT operational in Texas and Colorado, joining Oregon only next year, and left by Nevada last
	 * year; the Counseling Compact honouring privileges in Washington and Oregon.
	 */
	public static CompactTable compactTable() {
		return new CompactTable(List.of(operation(Compact.PSYPACT, TX, "2020-07-01", null),
				operation(Compact.PSYPACT, CO, "2020-07-01", null),
				operation(Compact.PSYPACT, OR, "2027-07-01", null),
				operation(Compact.PSYPACT, NV, "2020-07-01", "2025-12-31"),
				operation(Compact.COUNSELING_COMPACT, WA, "2026-06-01", null),
				operation(Compact.COUNSELING_COMPACT, NV, "2026-06-01", null),
				operation(Compact.COUNSELING_COMPACT, OR, "2026-06-01", null)));
	}

	/**
	 * A therapist of their own (name, e-mail and SIP user made unique) who works around the clock, licensed in
	 * one state, taking one call, callback or voicemail at a time: for tests about calls rather than matching.
	 */
	public static StaffMember onCallTherapist(String name, UsState licensedIn) {
		var always = Arrays.stream(DayOfWeek.values())
			.map(day -> new WeeklyHours(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT))
			.toList();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		return StaffMemberBuilder.from(couplesTherapist())
			.id(UUID.randomUUID())
			.name(name + " " + suffix)
			.email(name.toLowerCase() + "-" + suffix + "@example.org")
			.sipUser(name.toLowerCase() + "-" + suffix)
			.licenses(new License(licensedIn, LicenseType.LMFT, licensedIn + "-" + suffix, LicenseStatus.ACTIVE,
					LocalDate.of(2030, 1, 1)))
			.availability(new Availability(ZoneId.of("America/Chicago"), always, List.of()))
			.capacity(Map.of(Channel.VOICE, 1, Channel.CALLBACK, 1, Channel.VOICEMAIL, 1))
			.build();
	}

	public static License license(UsState state, LicenseType type, LicenseStatus status, LocalDate expiresOn) {
		return new License(state, type, type + "-" + state + "-1234", status, expiresOn);
	}

	public static Availability eveningsAndSaturdays(ZoneId zone) {
		return new Availability(zone,
				List.of(new WeeklyHours(DayOfWeek.MONDAY, LocalTime.of(17, 0), LocalTime.of(21, 0)),
						new WeeklyHours(DayOfWeek.WEDNESDAY, LocalTime.of(17, 0), LocalTime.of(21, 0)),
						new WeeklyHours(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0))),
				List.of());
	}

	private static CompactOperation operation(Compact compact, UsState state, String since, String until) {
		return new CompactOperation(compact, state, LocalDate.parse(since),
				until == null ? null : LocalDate.parse(until), "test table");
	}
}
