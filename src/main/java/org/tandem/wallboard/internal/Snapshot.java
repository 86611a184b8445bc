package org.tandem.wallboard.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.tandem.routing.AgentView;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueMeasures;

/**
 * Everything the wall screen shows at one instant, as it goes to the browser: instants in ISO-8601 (the
 * browser shows them in its own time zone), durations in whole seconds, rates in whole percent.
 *
 * @param dayStart midnight in the practice's time zone, where "today" starts
 * @param timeZone the practice's time zone
 * @param serviceLevelSeconds the threshold of the service level
 * @param queues every queue, by name
 * @param presences agents grouped by presence, busiest states first; offline agents are only counted
 * @param series the day's samples, oldest first, the last one taken at {@code at}
 */
record Snapshot(Instant at, Instant dayStart, String timeZone, int serviceLevelSeconds, List<QueueLine> queues,
		List<PresenceGroup> presences, int offline, List<Sample> series) {

	/** The order agents are shown in: who is working, who can take work, who stepped away. */
	static final List<Presence> SHOWN = List.of(Presence.BUSY, Presence.OFFERED, Presence.WRAP_UP, Presence.AVAILABLE,
			Presence.AWAY);

	record QueueLine(String name, int waitingNow, long longestWaitSeconds, int offered, int answered, int abandoned,
			Integer serviceLevelPercent, Integer abandonmentPercent, Long averageSpeedOfAnswerSeconds,
			Long averageHandleTimeSeconds) {

		static QueueLine of(QueueMeasures measures) {
			return new QueueLine(measures.queue(), measures.waitingNow(), measures.longestWaitNow().toSeconds(),
					measures.offered(), measures.answered(), measures.abandoned(), percent(measures.serviceLevel()),
					percent(measures.abandonmentRate()), seconds(measures.averageSpeedOfAnswer()),
					seconds(measures.averageHandleTime()));
		}
	}

	record PresenceGroup(Presence presence, List<AgentLine> agents) {
	}

	/** @param activeContacts contacts the agent has open now, over every channel */
	record AgentLine(String name, Presence presence, Instant since, int activeContacts, int contactsToday) {

		static AgentLine of(AgentView agent) {
			int active = agent.active() == null ? 0 : agent.active().values().stream().mapToInt(Integer::intValue).sum();
			Instant since = agent.since() == null ? null : agent.since().truncatedTo(ChronoUnit.MILLIS);
			return new AgentLine(agent.name(), agent.presence(), since, active, agent.contactsToday());
		}
	}

	/**
	 * The practice over every queue at one instant.
	 *
	 * @param serviceLevelPercent since midnight until {@code at}; null while nothing was offered
	 */
	record Sample(Instant at, int waiting, Integer serviceLevelPercent) {
	}

	boolean isEmpty() {
		return queues.isEmpty();
	}

	static Integer percent(Double rate) {
		return rate == null ? null : (int) Math.round(rate * 100);
	}

	/** Rounded down, as a clock shows it: 19.6 s waited is not yet 20. */
	static Long seconds(Duration duration) {
		return duration == null ? null : duration.toSeconds();
	}
}
