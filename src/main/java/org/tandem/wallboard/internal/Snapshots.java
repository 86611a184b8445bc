package org.tandem.wallboard.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import org.tandem.routing.AgentView;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueMeasures;
import org.tandem.routing.Routing;
import org.tandem.routing.RoutingReports;
import org.tandem.wallboard.internal.Snapshot.AgentLine;
import org.tandem.wallboard.internal.Snapshot.PresenceGroup;
import org.tandem.wallboard.internal.Snapshot.QueueLine;
import org.tandem.wallboard.internal.Snapshot.Sample;

/**
 * Reads the wallboard's figures from routing's public reports, since the practice's midnight; the day's curve
 * too, so that it is whole after a restart.
 */
@Component
class Snapshots {

	private final RoutingReports reports;
	private final Routing routing;
	private final WallboardProperties properties;
	private final Clock clock;
	private final DaySeries series = new DaySeries();

	Snapshots(RoutingReports reports, Routing routing, WallboardProperties properties, Clock clock) {
		this.reports = reports;
		this.routing = routing;
		this.properties = properties;
		this.clock = clock;
	}

	Snapshot now() {
		// Browsers read instants to the millisecond.
		Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant dayStart = dayStart(at, properties.zone());
		List<QueueMeasures> measures = measures(dayStart);
		var samples = new ArrayList<>(series.until(dayStart, at, () -> day(dayStart, at)));
		if (samples.isEmpty() || samples.get(samples.size() - 1).at().isBefore(at)) {
			samples.add(sample(at, measures));
		}
		var agents = routing.agents();
		var groups = new ArrayList<PresenceGroup>();
		for (Presence presence : Snapshot.SHOWN) {
			var lines = agents.stream()
				.filter(agent -> agent.presence() == presence)
				.sorted(Comparator.comparing(AgentView::since, Comparator.nullsLast(Comparator.naturalOrder()))
					.thenComparing(AgentView::name, Comparator.nullsLast(Comparator.naturalOrder())))
				.map(AgentLine::of)
				.toList();
			if (!lines.isEmpty()) {
				groups.add(new PresenceGroup(presence, lines));
			}
		}
		int offline = (int) agents.stream().filter(agent -> agent.presence() == Presence.OFFLINE).count();
		return new Snapshot(at, dayStart, properties.timeZone(), properties.serviceLevelSeconds(),
				measures.stream().map(QueueLine::of).toList(), groups, offline, samples);
	}

	/** The day's whole minutes so far, from the contacts routing stores. */
	private List<Sample> day(Instant dayStart, Instant at) {
		var day = reports.timeline(dayStart, DaySeries.lastMinute(dayStart, at), DaySeries.STEP, threshold())
			.stream()
			.map(point -> new Sample(point.at(), point.waiting(), Snapshot.percent(point.serviceLevel())))
			.toList();
		return DaySeries.fromFirstActivity(day);
	}

	private List<QueueMeasures> measures(Instant dayStart) {
		return reports.measures(dayStart, threshold());
	}

	private Duration threshold() {
		return Duration.ofSeconds(properties.serviceLevelSeconds());
	}

	/** The practice as a whole: the same service level a single queue has, over every queue's contacts. */
	static Sample sample(Instant at, List<QueueMeasures> measures) {
		int waiting = 0;
		int inTime = 0;
		int counted = 0;
		for (QueueMeasures queue : measures) {
			waiting += queue.waitingNow();
			inTime += queue.answeredInTime();
			counted += queue.offered() - queue.shortAbandoned();
		}
		return new Sample(at, waiting, counted == 0 ? null : (int) Math.round(100.0 * inTime / counted));
	}

	static Instant dayStart(Instant at, ZoneId zone) {
		return at.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
	}
}
