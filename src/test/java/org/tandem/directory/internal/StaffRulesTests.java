package org.tandem.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.tandem.core.UsState.CA;
import static org.tandem.core.UsState.CO;
import static org.tandem.core.UsState.NV;
import static org.tandem.core.UsState.TX;
import static org.tandem.directory.StaffFixtures.PACIFIC;
import static org.tandem.directory.StaffFixtures.TODAY;
import static org.tandem.directory.StaffFixtures.license;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tandem.core.Channel;
import org.tandem.core.InvalidInput;
import org.tandem.directory.Availability;
import org.tandem.directory.Compact;
import org.tandem.directory.CompactAuthorization;
import org.tandem.directory.Fees;
import org.tandem.directory.License;
import org.tandem.directory.LicenseStatus;
import org.tandem.directory.LicenseType;
import org.tandem.directory.StaffFixtures;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffMemberBuilder;
import org.tandem.directory.StaffRole;
import org.tandem.directory.TimeOff;
import org.tandem.directory.WeeklyHours;

/** The rules a staff member must pass before it is stored, one move away from a valid fixture at a time. */
class StaffRulesTests {

	private static final LocalDate LATER = LocalDate.of(2028, 6, 30);

	@ParameterizedTest(name = "{0}")
	@MethodSource("validStaff")
	void acceptsTheFixtures(String who, StaffMember member) {
		assertThatCode(() -> StaffRules.check(member, TODAY)).doesNotThrowAnyException();
	}

	static Stream<Arguments> validStaff() {
		return Stream.of(arguments("couples therapist", StaffFixtures.couplesTherapist()),
				arguments("psychologist with PSYPACT", StaffFixtures.psychologist()),
				arguments("counselor with Counseling Compact privileges", StaffFixtures.counselor()),
				arguments("front desk without license or fees", StaffFixtures.frontDesk()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidStaff")
	void rejectsNamingTheField(String field, StaffMember member) {
		assertThatThrownBy(() -> StaffRules.check(member, TODAY)).isInstanceOfSatisfying(InvalidInput.class,
				e -> assertThat(e.field()).isEqualTo(field));
	}

	static Stream<Arguments> invalidStaff() {
		return Stream.of(arguments("name", therapist().name("  ").build()),
				arguments("name", therapist().name(null).build()),
				arguments("role", therapist().role(null).build()),
				arguments("email", therapist().email("rosa at example").build()),
				arguments("sipUser", therapist().sipUser("rosa@pbx").build()),
				arguments("languages", therapist().languages().build()),
				arguments("licenses", therapist().licenses().build()),
				arguments("licenses[1].expiresOn", therapist()
					.licenses(license(CA, LicenseType.LMFT, LicenseStatus.ACTIVE, LATER),
							license(NV, LicenseType.LMFT, LicenseStatus.ACTIVE, TODAY.minusDays(1)))
					.build()),
				arguments("licenses[0].number", therapist()
					.licenses(new License(CA, LicenseType.LMFT, " ", LicenseStatus.ACTIVE, LATER))
					.build()),
				arguments("compacts[0].homeState", psychologist()
					.licenses(license(TX, LicenseType.LPC, LicenseStatus.ACTIVE, LATER))
					.build()),
				arguments("compacts[0].homeState", psychologist()
					.licenses(license(TX, LicenseType.PSYCHOLOGIST, LicenseStatus.ACTIVE, LATER),
							license(CO, LicenseType.PSYCHOLOGIST, LicenseStatus.INACTIVE, LATER))
					.compacts(new CompactAuthorization(Compact.PSYPACT, CO, Set.of(), LATER))
					.build()),
				arguments("compacts[0].privilegeStates", counselor()
					.compacts(new CompactAuthorization(Compact.COUNSELING_COMPACT, CO, Set.of(), LATER))
					.build()),
				arguments("compacts[0].privilegeStates", psychologist()
					.compacts(new CompactAuthorization(Compact.PSYPACT, TX, Set.of(CO), LATER))
					.build()),
				arguments("compacts[0].expiresOn", psychologist()
					.compacts(new CompactAuthorization(Compact.PSYPACT, TX, Set.of(), null))
					.build()),
				arguments("fees", therapist().fees(null).build()),
				arguments("fees.standard", therapist().fees(new Fees(-1, null, null, 0, false, Set.of())).build()),
				arguments("fees.slidingMin", therapist().fees(new Fees(150, -10, null, 2, false, Set.of())).build()),
				arguments("fees.slidingMin", therapist().fees(new Fees(150, 160, null, 2, false, Set.of())).build()),
				arguments("fees.couplesFee", therapist().fees(new Fees(150, null, -1, 0, false, Set.of())).build()),
				arguments("fees.lowFeeSlots", therapist().fees(new Fees(150, 80, null, -2, false, Set.of())).build()),
				arguments("availability", therapist().availability(null).build()),
				arguments("availability.zone", therapist().availability(new Availability(null, List.of(), List.of()))
					.build()),
				arguments("availability.weekly[2].to",
						therapist().availability(weekly(LocalTime.of(18, 0), LocalTime.of(17, 0))).build()),
				arguments("availability.weekly[2].to",
						therapist().availability(weekly(LocalTime.of(18, 0), LocalTime.of(18, 0))).build()),
				arguments("availability.timeOff[0].to", therapist()
					.availability(timeOff(new TimeOff(Instant.parse("2026-12-24T08:00:00Z"),
							Instant.parse("2026-12-23T08:00:00Z"), null)))
					.build()),
				arguments("capacity.CHAT", therapist().capacity(Map.of(Channel.VOICE, 1, Channel.CHAT, -1)).build()));
	}

	@Test
	void acceptsHoursThatRunUntilMidnight() {
		var lateEvening = therapist().availability(weekly(LocalTime.of(20, 0), LocalTime.MIDNIGHT)).build();

		assertThatCode(() -> StaffRules.check(lateEvening, TODAY)).doesNotThrowAnyException();
	}

	@Test
	void acceptsOverlappingTimeOff() {
		var away = therapist().availability(timeOff(
				new TimeOff(Instant.parse("2026-12-20T08:00:00Z"), Instant.parse("2027-01-03T08:00:00Z"), "holidays"),
				new TimeOff(Instant.parse("2026-12-24T08:00:00Z"), Instant.parse("2026-12-27T08:00:00Z"), "family")))
			.build();

		assertThatCode(() -> StaffRules.check(away, TODAY)).doesNotThrowAnyException();
	}

	@Test
	void acceptsAnActiveLicenseOnItsLastDay() {
		var lastDay = therapist().licenses(license(CA, LicenseType.LMFT, LicenseStatus.ACTIVE, TODAY)).build();

		assertThatCode(() -> StaffRules.check(lastDay, TODAY)).doesNotThrowAnyException();
	}

	@Test
	void keepsAnExpiredLicenseThatIsNoLongerActive() {
		var withHistory = therapist()
			.licenses(license(CA, LicenseType.LMFT, LicenseStatus.ACTIVE, LATER),
					license(NV, LicenseType.LMFT, LicenseStatus.INACTIVE, LocalDate.of(2024, 1, 31)))
			.build();

		assertThatCode(() -> StaffRules.check(withHistory, TODAY)).doesNotThrowAnyException();
	}

	@Test
	void acceptsASlidingScaleWithoutLowFeeSlots() {
		var member = therapist().fees(new Fees(150, 150, null, 0, false, Set.of())).build();

		assertThatCode(() -> StaffRules.check(member, TODAY)).doesNotThrowAnyException();
	}

	@Test
	void explainsThatAnMftLicenseAnchorsNoCompact() {
		var mft = therapist().compacts(new CompactAuthorization(Compact.COUNSELING_COMPACT, CA, Set.of(NV), LATER))
			.build();

		var e = catchThrowableOfType(InvalidInput.class, () -> StaffRules.check(mft, TODAY));

		assertThat(e.field()).isEqualTo("compacts[0].homeState");
		assertThat(e.getMessage()).startsWith("MFTs have no interstate compact");
	}

	@Test
	void explainsWhichLicenseAnchorsTheCompact() {
		var psychologist = psychologist().licenses(license(TX, LicenseType.LPC, LicenseStatus.ACTIVE, LATER)).build();

		var e = catchThrowableOfType(InvalidInput.class, () -> StaffRules.check(psychologist, TODAY));

		assertThat(e.getMessage()).contains("PSYCHOLOGIST").contains("TX");
	}

	private static StaffMemberBuilder therapist() {
		return StaffMemberBuilder.from(StaffFixtures.couplesTherapist());
	}

	private static StaffMemberBuilder psychologist() {
		return StaffMemberBuilder.from(StaffFixtures.psychologist());
	}

	private static StaffMemberBuilder counselor() {
		return StaffMemberBuilder.from(StaffFixtures.counselor());
	}

	/** The fixture's hours with the third window replaced. */
	private static Availability weekly(LocalTime from, LocalTime to) {
		var hours = new ArrayList<>(StaffFixtures.eveningsAndSaturdays(PACIFIC).weekly());
		hours.set(2, new WeeklyHours(DayOfWeek.SATURDAY, from, to));
		return new Availability(PACIFIC, hours, List.of());
	}

	private static Availability timeOff(TimeOff... absences) {
		return new Availability(PACIFIC, StaffFixtures.eveningsAndSaturdays(PACIFIC).weekly(), List.of(absences));
	}
}
