package org.tandem.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tandem.core.InvalidInput;
import org.tandem.core.UsState;
import org.tandem.directory.Compact;
import org.tandem.directory.CompactOperation;
import org.tandem.directory.CompactTable;
import org.tandem.directory.StaffFixtures;

class CompactTableRulesTests {

	@Test
	void acceptsOpenEndedAndClosedRows() {
		assertThatCode(() -> CompactTableRules.check(StaffFixtures.compactTable())).doesNotThrowAnyException();
	}

	@Test
	void acceptsARowThatEndsTheDayItStarts() {
		var oneDay = row("2027-01-01", "2027-01-01");

		assertThatCode(() -> CompactTableRules.check(new CompactTable(List.of(oneDay)))).doesNotThrowAnyException();
	}

	@Test
	void rejectsARowThatEndsBeforeItStartsNamingItsIndex() {
		var table = new CompactTable(List.of(row("2020-07-01", null), row("2027-01-01", "2026-12-31")));

		assertThatThrownBy(() -> CompactTableRules.check(table)).isInstanceOfSatisfying(InvalidInput.class,
				e -> assertThat(e.field()).isEqualTo("[1].until"));
	}

	@Test
	void rejectsARowWithoutAStartDate() {
		var table = new CompactTable(List.of(new CompactOperation(Compact.PSYPACT, UsState.TX, null, null, null)));

		assertThatThrownBy(() -> CompactTableRules.check(table)).isInstanceOfSatisfying(InvalidInput.class,
				e -> assertThat(e.field()).isEqualTo("[0].since"));
	}

	private static CompactOperation row(String since, String until) {
		return new CompactOperation(Compact.PSYPACT, UsState.TX, LocalDate.parse(since),
				until == null ? null : LocalDate.parse(until), null);
	}
}
