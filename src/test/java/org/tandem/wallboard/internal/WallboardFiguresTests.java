package org.tandem.wallboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tandem.routing.QueueMeasures;
import org.tandem.wallboard.internal.Snapshot.Sample;

/** How the wallboard words and adds up its figures. */
class WallboardFiguresTests {

	static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	@Test
	void durationsReadLikeAStopwatch() {
		assertThat(WallboardView.clock(7L)).isEqualTo("0:07");
		assertThat(WallboardView.clock(760L)).isEqualTo("12:40");
		assertThat(WallboardView.clock(3725L)).isEqualTo("1:02:05");
		assertThat(WallboardView.clock(null)).isEqualTo("–");
		assertThat(WallboardView.percent(null)).isEqualTo("–");
		assertThat(WallboardView.percent(80)).isEqualTo("80\u00a0%");
	}

	@Test
	void todayStartsAtThePracticesMidnightOnEitherSideOfAClockChange() {
		assertThat(Snapshots.dayStart(Instant.parse("2026-11-27T14:00:00Z"), CHICAGO))
			.isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
		// 8 pm in Chicago is already tomorrow in UTC, but still today at the practice.
		assertThat(Snapshots.dayStart(Instant.parse("2026-11-28T02:00:00Z"), CHICAGO))
			.isEqualTo(Instant.parse("2026-11-27T06:00:00Z"));
		// Summer time began at 2 am that morning; midnight was still on standard time.
		assertThat(Snapshots.dayStart(Instant.parse("2026-03-08T18:00:00Z"), CHICAGO))
			.isEqualTo(Instant.parse("2026-03-08T06:00:00Z"));
	}

	@Test
	void thePracticesServiceLevelCountsEveryQueuesContactsLeavingShortAbandonsOut() {
		Instant at = Instant.parse("2026-11-27T16:00:00Z");
		var sample = Snapshots.sample(at, List.of(queue("intake", 10, 2, 6, 3), queue("front-desk", 5, 0, 1, 1)));

		// (6 + 1) answered in time of (10 − 2) + (5 − 0) counted.
		assertThat(sample.serviceLevelPercent()).isEqualTo(54);
		assertThat(sample.waiting()).isEqualTo(4);
		assertThat(Snapshots.sample(at, List.of(queue("quiet", 0, 0, 0, 0))).serviceLevelPercent()).isNull();
	}

	@Test
	void theCurveLeavesOffTheHoursBeforeTheDaysFirstContact() {
		Instant midnight = Instant.parse("2026-11-27T06:00:00Z");
		var quiet = new Sample(midnight, 0, null);
		var stillQuiet = new Sample(midnight.plusSeconds(60), 0, null);
		var first = new Sample(midnight.plusSeconds(120), 1, 0);
		var later = new Sample(midnight.plusSeconds(180), 0, 100);
		assertThat(DaySeries.fromFirstActivity(List.of(quiet, stillQuiet, first, later))).containsExactly(first, later);
		assertThat(DaySeries.fromFirstActivity(List.of(quiet, stillQuiet))).isEmpty();
	}

	@Test
	void theCurvesPointsFallOnWholeMinutesFromThePracticesMidnight() {
		Instant midnight = Instant.parse("2026-11-27T06:00:00Z");
		assertThat(DaySeries.lastMinute(midnight, midnight.plusSeconds(179))).isEqualTo(midnight.plusSeconds(120));
		assertThat(DaySeries.lastMinute(midnight, midnight.plusSeconds(180))).isEqualTo(midnight.plusSeconds(180));
		// Kolkata's midnight is half past six in the evening UTC: its minutes are still whole minutes from it.
		Instant kolkata = Snapshots.dayStart(Instant.parse("2026-11-27T12:00:00Z"), ZoneId.of("Asia/Kolkata"));
		assertThat(kolkata).isEqualTo(Instant.parse("2026-11-26T18:30:00Z"));
		assertThat(DaySeries.lastMinute(kolkata, Instant.parse("2026-11-26T18:45:30Z")))
			.isEqualTo(Instant.parse("2026-11-26T18:45:00Z"));
	}

	private static QueueMeasures queue(String name, int offered, int shortAbandoned, int inTime, int waiting) {
		return new QueueMeasures(name, Instant.EPOCH, Instant.EPOCH, Duration.ofSeconds(20), offered, inTime,
				shortAbandoned, shortAbandoned, inTime, null, null, null, null, waiting, Duration.ZERO, 0);
	}
}
