package org.tandem.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.directory.StaffFixtures.PACIFIC;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Whether a therapist works at an instant, judged in their own time zone wherever the client is. */
class AvailabilityTests {

	private static final ZoneId EASTERN = ZoneId.of("America/New_York");

	private final Availability evenings = StaffFixtures.eveningsAndSaturdays(PACIFIC);

	@Test
	void worksDuringAWeekdayEveningWindow() {
		// 2026-11-30 is a Monday
		assertThat(evenings.availableAt(at("2026-11-30T17:00", PACIFIC))).isTrue();
		assertThat(evenings.availableAt(at("2026-11-30T20:59", PACIFIC))).isTrue();
	}

	@Test
	void stopsWhenTheWindowEnds() {
		assertThat(evenings.availableAt(at("2026-11-30T21:00", PACIFIC))).isFalse();
		assertThat(evenings.availableAt(at("2026-11-30T16:59", PACIFIC))).isFalse();
	}

	@Test
	void worksOnlyOnTheDaysOfTheWindows() {
		assertThat(evenings.availableAt(at("2026-12-01T18:00", PACIFIC))).as("Tuesday").isFalse();
		assertThat(evenings.availableAt(at("2026-12-05T11:00", PACIFIC))).as("Saturday morning").isTrue();
		assertThat(evenings.availableAt(at("2026-12-06T11:00", PACIFIC))).as("Sunday morning").isFalse();
	}

	@Test
	void answersAnEasternClientCallingAtNineInThePacificEvening() {
		assertThat(evenings.availableAt(at("2026-11-30T21:00", EASTERN))).as("6 pm Pacific").isTrue();
		assertThat(evenings.availableAt(at("2026-12-01T00:30", EASTERN))).as("9:30 pm Pacific").isFalse();
	}

	@Test
	void keepsLocalHoursAcrossTheStartOfDaylightSavingTime() {
		// Clocks go forward on 2027-03-14, so the Monday window starts an hour earlier in UTC
		assertThat(evenings.availableAt(Instant.parse("2027-03-09T00:00:00Z"))).as("Monday 16:00 PST").isFalse();
		assertThat(evenings.availableAt(Instant.parse("2027-03-16T00:00:00Z"))).as("Monday 17:00 PDT").isTrue();
		assertThat(evenings.availableAt(Instant.parse("2027-03-09T04:30:00Z"))).as("Monday 20:30 PST").isTrue();
		assertThat(evenings.availableAt(Instant.parse("2027-03-16T04:30:00Z"))).as("Monday 21:30 PDT").isFalse();
	}

	@Test
	void keepsLocalHoursAcrossTheEndOfDaylightSavingTime() {
		// Clocks go back on 2026-11-01, so the Monday window ends an hour later in UTC
		assertThat(evenings.availableAt(Instant.parse("2026-10-27T04:30:00Z"))).as("Monday 21:30 PDT").isFalse();
		assertThat(evenings.availableAt(Instant.parse("2026-11-03T04:30:00Z"))).as("Monday 20:30 PST").isTrue();
		assertThat(evenings.availableAt(Instant.parse("2026-10-27T00:00:00Z"))).as("Monday 17:00 PDT").isTrue();
		assertThat(evenings.availableAt(Instant.parse("2026-11-03T00:00:00Z"))).as("Monday 16:00 PST").isFalse();
	}

	@Test
	void worksUntilMidnightWhenTheWindowEndsAtZeroHundred() {
		var lateFriday = new Availability(PACIFIC,
				List.of(new WeeklyHours(DayOfWeek.FRIDAY, LocalTime.of(20, 0), LocalTime.MIDNIGHT)), List.of());

		assertThat(lateFriday.availableAt(at("2026-12-04T23:59", PACIFIC))).isTrue();
		assertThat(lateFriday.availableAt(at("2026-12-05T00:00", PACIFIC))).as("Saturday has no window").isFalse();
	}

	@Test
	void worksAllDayWhenTheWindowRunsFromMidnightToMidnight() {
		var allSunday = new Availability(PACIFIC,
				List.of(new WeeklyHours(DayOfWeek.SUNDAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)), List.of());

		assertThat(allSunday.availableAt(at("2026-12-06T00:00", PACIFIC))).isTrue();
		assertThat(allSunday.availableAt(at("2026-12-06T23:59", PACIFIC))).isTrue();
		assertThat(allSunday.availableAt(at("2026-12-07T00:00", PACIFIC))).isFalse();
	}

	@Test
	void doesNotWorkDuringTimeOffEvenWhenAbsencesOverlap() {
		var away = new Availability(PACIFIC, evenings.weekly(),
				List.of(new TimeOff(at("2026-11-30T00:00", PACIFIC), at("2026-12-01T00:00", PACIFIC), "conference"),
						new TimeOff(at("2026-11-30T12:00", PACIFIC), at("2026-11-30T18:00", PACIFIC), "dentist")));

		assertThat(away.availableAt(at("2026-11-30T17:30", PACIFIC))).isFalse();
		assertThat(away.availableAt(at("2026-11-30T20:00", PACIFIC))).isFalse();
		assertThat(away.availableAt(at("2026-12-02T17:30", PACIFIC))).as("Wednesday, back").isTrue();
	}

	@Test
	void worksAgainTheMomentTimeOffEnds() {
		var away = new Availability(PACIFIC, evenings.weekly(),
				List.of(new TimeOff(at("2026-11-30T17:00", PACIFIC), at("2026-11-30T18:00", PACIFIC), null)));

		assertThat(away.availableAt(at("2026-11-30T17:59", PACIFIC))).isFalse();
		assertThat(away.availableAt(at("2026-11-30T18:00", PACIFIC))).isTrue();
	}

	private static Instant at(String localDateTime, ZoneId zone) {
		return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
	}
}
