package org.tandem.wallboard.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.tandem.routing.Presence;

/**
 * A snapshot worded for the page as the server first renders it; {@code wallboard.js} words the later ones
 * the same way. Clock times here are the practice's, until the script rewrites them in the viewer's zone.
 */
record WallboardView(String serviceLevelTarget, List<QueueCard> queues, List<Group> presences, int offline,
		String at, String atText, String dayStartText) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	record QueueCard(String name, int waitingNow, String longestWait, int offered, int answered, int abandoned,
			String serviceLevel, String abandonment, String averageSpeedOfAnswer, String averageHandleTime) {
	}

	record Group(String label, String presence, List<Agent> agents) {
	}

	record Agent(String name, String since, String inState, int activeContacts, int contactsToday) {
	}

	static WallboardView of(Snapshot snapshot) {
		ZoneId zone = ZoneId.of(snapshot.timeZone());
		var queues = snapshot.queues().stream()
			.map(q -> new QueueCard(q.name(), q.waitingNow(), clock(q.longestWaitSeconds()), q.offered(), q.answered(),
					q.abandoned(), percent(q.serviceLevelPercent()), percent(q.abandonmentPercent()),
					clock(q.averageSpeedOfAnswerSeconds()), clock(q.averageHandleTimeSeconds())))
			.toList();
		var groups = snapshot.presences().stream()
			.map(group -> new Group(label(group.presence()), group.presence().name(), group.agents().stream()
				.map(agent -> new Agent(agent.name(), agent.since() == null ? null : agent.since().toString(),
						agent.since() == null ? "" : clock(Duration.between(agent.since(), snapshot.at()).toSeconds()),
						agent.activeContacts(), agent.contactsToday()))
				.toList()))
			.toList();
		return new WallboardView("in " + snapshot.serviceLevelSeconds() + " s", queues, groups, snapshot.offline(),
				snapshot.at().toString(), time(snapshot.at(), zone), time(snapshot.dayStart(), zone));
	}

	static String label(Presence presence) {
		return switch (presence) {
			case AVAILABLE -> "Available";
			case OFFERED -> "Being offered";
			case BUSY -> "Busy";
			case WRAP_UP -> "Wrap-up";
			case AWAY -> "Away";
			case OFFLINE -> "Offline";
		};
	}

	/** As a stopwatch shows it: 0:07, 12:40, 1:02:05. */
	static String clock(Long seconds) {
		if (seconds == null) {
			return "–";
		}
		long s = Math.max(0, seconds);
		return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
				: String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}

	static String percent(Integer percent) {
		return percent == null ? "–" : percent + "\u00a0%";
	}

	private static String time(Instant at, ZoneId zone) {
		return TIME.format(at.atZone(zone));
	}
}
