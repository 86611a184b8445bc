package org.tandem.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.core.InvalidInput;
import org.tandem.ivr.FlowNode.Hours;

/** The hours page's changes to a node, each leaving the rest of it as the document had it. */
class HoursEditsTests {

	static final Hours HOURS = new Hours("America/Chicago",
			Map.of("Monday", List.of("09:00-17:00"), "saturday", List.of()), List.of(LocalDate.of(2026, 12, 25)),
			Map.of(LocalDate.of(2026, 12, 24), List.of("09:00-12:00")), "open", "closed");

	@Test
	void readsSpansSeparatedByCommasAndNothingAsClosed() {
		assertThat(HoursEdits.spans(" 09:00-12:00 ,13:00-19:00, ")).containsExactly("09:00-12:00", "13:00-19:00");
		assertThat(HoursEdits.spans("  ")).isEmpty();
	}

	@Test
	void aNewWeekKeepsTheDocumentsOwnDayNamesAndOnlyTheDaysItHad() {
		var week = HoursEdits.week(HOURS, "America/Denver",
				Map.of(DayOfWeek.MONDAY, List.of("08:00-16:00"), DayOfWeek.TUESDAY, List.of("10:00-11:00")));

		assertThat(week.timeZone()).isEqualTo("America/Denver");
		assertThat(week.weekly()).containsExactly(Map.entry("Monday", List.of("08:00-16:00")),
				Map.entry("tuesday", List.of("10:00-11:00")), Map.entry("saturday", List.of()));
		assertThat(week.holidays()).isEqualTo(HOURS.holidays());
		assertThat(week.exceptions()).isEqualTo(HOURS.exceptions());
		assertThat(List.of(week.open(), week.closed())).containsExactly("open", "closed");
	}

	@Test
	void holidaysAreAddedInDateOrderOnceAndRemoved() {
		var added = HoursEdits.withHoliday(HOURS, LocalDate.of(2026, 11, 26));

		assertThat(added.holidays()).containsExactly(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25));
		assertThatThrownBy(() -> HoursEdits.withHoliday(added, LocalDate.of(2026, 11, 26)))
			.isInstanceOf(InvalidInput.class).hasMessage("2026-11-26 is already a holiday");
		assertThat(HoursEdits.withoutHoliday(added, LocalDate.of(2026, 12, 25)).holidays())
			.containsExactly(LocalDate.of(2026, 11, 26));
	}

	@Test
	void anExceptionReplacesTheDatesHoursAndNoneIsClosed() {
		var closed = HoursEdits.withException(HOURS, LocalDate.of(2026, 12, 24), List.of());

		assertThat(closed.exceptions()).containsExactly(Map.entry(LocalDate.of(2026, 12, 24), List.of()));
		assertThat(HoursEdits.withoutException(closed, LocalDate.of(2026, 12, 24)).exceptions()).isEmpty();
		assertThatThrownBy(() -> HoursEdits.withoutException(HOURS, LocalDate.of(2027, 1, 1)))
			.isInstanceOf(InvalidInput.class);
	}

	@Test
	void aDateThatIsNoDateIsNamedByTheField() {
		assertThatThrownBy(() -> HoursEdits.date("31/12/2026", "holidays")).isInstanceOf(InvalidInput.class)
			.hasMessage("'31/12/2026' is not a date like 2026-12-31")
			.extracting(e -> ((InvalidInput) e).field()).isEqualTo("holidays");
	}

	@Test
	void aFaultIsPlacedByTheDayItIsAbout() {
		var fault = HoursFault.of(new Problem("nodes.office-hours.weekly.Monday[0]", "'25:00' is not a span"),
				"office-hours");

		assertThat(fault).isEqualTo(new HoursFault("weekly.monday", "Monday", "'25:00' is not a span"));
		assertThat(HoursFault.of(new Problem("nodes.office-hours.timeZone", "no zone"), "office-hours").control())
			.isEqualTo("timeZone");
		assertThat(HoursFault.of(new Problem(null, "changed meanwhile"), "office-hours").control()).isEmpty();
	}
}
