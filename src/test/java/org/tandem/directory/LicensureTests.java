package org.tandem.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.core.UsState.CA;
import static org.tandem.core.UsState.CO;
import static org.tandem.core.UsState.NV;
import static org.tandem.core.UsState.NY;
import static org.tandem.core.UsState.OR;
import static org.tandem.core.UsState.TX;
import static org.tandem.core.UsState.UT;
import static org.tandem.core.UsState.WA;
import static org.tandem.directory.StaffFixtures.TODAY;
import static org.tandem.directory.StaffFixtures.license;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Where a therapist may see a client who is physically in a state, on a day. */
class LicensureTests {

	private final CompactTable table = StaffFixtures.compactTable();

	@Test
	void practisesWhereLicensed() {
		assertThat(StaffFixtures.couplesTherapist().mayPracticeIn(CA, TODAY, table)).isTrue();
	}

	@Test
	void doesNotPractiseWhereUnlicensed() {
		assertThat(StaffFixtures.couplesTherapist().mayPracticeIn(NY, TODAY, table)).isFalse();
	}

	@Test
	void practisesUntilTheEndOfTheDayTheLicenseExpires() {
		var therapist = StaffFixtures.couplesTherapist();
		LocalDate expiry = therapist.licenses().get(0).expiresOn();

		assertThat(therapist.mayPracticeIn(CA, expiry, table)).isTrue();
		assertThat(therapist.mayPracticeIn(CA, expiry.plusDays(1), table)).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = LicenseStatus.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
	void doesNotPractiseOnALicenseThatIsNotActive(LicenseStatus status) {
		var therapist = StaffMemberBuilder.from(StaffFixtures.couplesTherapist())
			.licenses(license(CA, LicenseType.LMFT, status, LocalDate.of(2028, 6, 30)))
			.build();

		assertThat(therapist.mayPracticeIn(CA, TODAY, table)).isFalse();
	}

	@Test
	void psychologistPractisesThroughPsypactWhereItIsOperational() {
		assertThat(StaffFixtures.psychologist().mayPracticeIn(CO, TODAY, table)).isTrue();
	}

	@Test
	void psychologistDoesNotPractiseThroughPsypactWhereItIsNotOperational() {
		assertThat(StaffFixtures.psychologist().mayPracticeIn(CA, TODAY, table)).isFalse();
	}

	@Test
	void psychologistPractisesThroughPsypactOnlyFromTheDayAStateJoins() {
		var psychologist = StaffFixtures.psychologist();

		assertThat(psychologist.mayPracticeIn(OR, TODAY, table)).isFalse();
		assertThat(psychologist.mayPracticeIn(OR, LocalDate.of(2027, 7, 1), table)).isTrue();
	}

	@Test
	void psychologistNoLongerPractisesThroughPsypactInAStateThatLeft() {
		var psychologist = StaffFixtures.psychologist();

		assertThat(psychologist.mayPracticeIn(NV, LocalDate.of(2025, 12, 31), table)).isTrue();
		assertThat(psychologist.mayPracticeIn(NV, TODAY, table)).isFalse();
	}

	@Test
	void psypactLapsesWithTheHomeLicense() {
		var psychologist = StaffMemberBuilder.from(StaffFixtures.psychologist())
			.licenses(license(TX, LicenseType.PSYCHOLOGIST, LicenseStatus.SUSPENDED, LocalDate.of(2027, 12, 31)))
			.build();

		assertThat(psychologist.mayPracticeIn(CO, TODAY, table)).isFalse();
	}

	@Test
	void psypactLapsesWithTheAuthorization() {
		var psychologist = StaffMemberBuilder.from(StaffFixtures.psychologist())
			.compacts(new CompactAuthorization(Compact.PSYPACT, TX, Set.of(), TODAY.minusDays(1)))
			.build();

		assertThat(psychologist.mayPracticeIn(CO, TODAY, table)).isFalse();
	}

	@Test
	void counselorPractisesOnlyInTheStatesOfTheirPrivileges() {
		var counselor = StaffFixtures.counselor();

		assertThat(counselor.mayPracticeIn(WA, TODAY, table)).isTrue();
		assertThat(counselor.mayPracticeIn(OR, TODAY, table)).as("operational, but no privilege there").isFalse();
	}

	@Test
	void counselorPrivilegeCountsOnlyWhereTheCompactIsOperational() {
		var counselor = StaffMemberBuilder.from(StaffFixtures.counselor())
			.compacts(new CompactAuthorization(Compact.COUNSELING_COMPACT, CO, Set.of(UT), LocalDate.of(2027, 8, 31)))
			.build();

		assertThat(counselor.mayPracticeIn(UT, TODAY, table)).isFalse();
	}

	@Test
	void marriageAndFamilyTherapistNeverPractisesThroughACompact() {
		var mft = StaffMemberBuilder.from(StaffFixtures.couplesTherapist())
			.compacts(new CompactAuthorization(Compact.COUNSELING_COMPACT, CA, Set.of(WA), LocalDate.of(2028, 6, 30)),
					new CompactAuthorization(Compact.PSYPACT, CA, Set.of(), LocalDate.of(2028, 6, 30)))
			.build();

		assertThat(mft.mayPracticeIn(WA, TODAY, table)).isFalse();
		assertThat(mft.mayPracticeIn(CO, TODAY, table)).isFalse();
	}
}
