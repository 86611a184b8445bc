package org.tandem.wallboard.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.tandem.wallboard.internal.Snapshot.Sample;

/**
 * The day's samples, one a minute, kept in memory: the curve starts again at the practice's midnight, and
 * after a restart it starts where Tandem did (the day's totals on the queues still count the whole day).
 */
final class DaySeries {

	/** A day has at most 1,500 minutes (the day summer time ends); anything more is a clock gone wrong. */
	private static final int MAX = 1_500;

	private final List<Sample> samples = new ArrayList<>();

	private Instant dayStart;

	synchronized void add(Instant dayStart, Sample sample) {
		if (!dayStart.equals(this.dayStart)) {
			samples.clear();
			this.dayStart = dayStart;
		}
		if (samples.size() == MAX) {
			samples.remove(0);
		}
		samples.add(sample);
	}

	/** The samples of the day that starts at {@code dayStart}; none when the series still holds another day. */
	synchronized List<Sample> of(Instant dayStart) {
		return dayStart.equals(this.dayStart) ? List.copyOf(samples) : List.of();
	}
}
