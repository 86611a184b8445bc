package org.tandem.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo practice's hours in Austin, read on the practice's own clock. */
class OpeningHoursTests {

	static final FlowNode.Hours HOURS = (FlowNode.Hours) IvrFixtures.demoFlow().node("office-hours");

	@ParameterizedTest(name = "{0} in Austin: open {1}")
	@CsvSource(textBlock = """
			2026-11-30T08:59, false
			2026-11-30T09:00, true
			2026-11-30T18:59, true
			2026-11-30T19:00, false
			2026-11-28T11:00, true
			2026-11-29T11:00, false
			2026-12-24T11:59, true
			2026-12-24T12:00, false
			2026-12-25T10:00, false
			2027-03-15T09:30, true
			""")
	void isOpenByTheWeekExceptOnHolidaysAndExceptions(LocalDateTime local, boolean open) {
		var at = local.atZone(ZoneId.of("America/Chicago")).toInstant();

		assertThat(HOURS.isOpenAt(at)).isEqualTo(open);
	}
}
