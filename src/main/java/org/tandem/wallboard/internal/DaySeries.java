package org.tandem.wallboard.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.tandem.wallboard.internal.Snapshot.Sample;

/**
 * The day's curve as routing's stored contacts give it, one point a minute from the practice's midnight, read
 * again once each new minute: the screens' pushes in between reuse it. Nothing here is history of its own, so
 * after a restart the curve still has the morning's points. Reading the whole day again each minute also puts
 * right a point read while a decision just before that minute was still being committed.
 */
final class DaySeries {

	static final Duration STEP = Duration.ofMinutes(1);

	private Instant dayStart;
	private Instant minute;
	private List<Sample> samples = List.of();

	/**
	 * The points from {@code dayStart} until the last whole minute at or before {@code at}, read with
	 * {@code read} when that minute has none yet.
	 */
	synchronized List<Sample> until(Instant dayStart, Instant at, Supplier<List<Sample>> read) {
		Instant last = lastMinute(dayStart, at);
		if (!dayStart.equals(this.dayStart) || !last.equals(minute)) {
			samples = List.copyOf(read.get());
			this.dayStart = dayStart;
			this.minute = last;
		}
		return samples;
	}

	/** Minutes count from the practice's midnight, which in a few time zones is not on a whole UTC minute. */
	static Instant lastMinute(Instant dayStart, Instant at) {
		long minutes = Duration.between(dayStart, at).toMillis() / STEP.toMillis();
		return dayStart.plus(STEP.multipliedBy(Math.max(0, minutes)));
	}

	/**
	 * The points from the day's first activity on: the hours before the practice opens are left off the chart,
	 * which then starts at the hour its first contact came in.
	 */
	static List<Sample> fromFirstActivity(List<Sample> day) {
		for (int i = 0; i < day.size(); i++) {
			Sample sample = day.get(i);
			if (sample.waiting() > 0 || sample.serviceLevelPercent() != null) {
				return day.subList(i, day.size());
			}
		}
		return List.of();
	}
}
