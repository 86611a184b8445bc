package org.tandem.routing.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tandem.core.InvalidInput;
import org.tandem.routing.PracticeSample;
import org.tandem.routing.QueueMeasures;

/**
 * The practice's figures at regular instants, from the contacts' stored times. Each contact becomes a few
 * changes (+1 waiting when queued, −1 when taken or ended, +1 offered when it arrived in the period, …); each
 * change counts from the first instant at or after it, and a running sum over the instants adds them up. One
 * pass over the contacts, however many instants are asked for.
 */
@Component
class PracticeTimeline {

	/** A week of minutes: more points than any chart draws. */
	static final int MAX_POINTS = 7 * 24 * 60;

	private static final String TIMELINE = """
			with contact as (
			    select queued_at, arrived_at, assigned_at, status,
			           coalesce(assigned_at, ended_at) as left_queue,
			           arrived_at >= :from as counted,
			           extract(epoch from coalesce(assigned_at, ended_at) - arrived_at) as waited
			    from routing_contacts
			    where queued_at <= :until
			      and (arrived_at >= :from or coalesce(assigned_at, ended_at) is null or coalesce(assigned_at, ended_at) >= :from)
			), change as (
			    select queued_at as at, 1 as waiting, 0 as offered, 0 as short_abandoned, 0 as in_time from contact
			    union all
			    select left_queue, -1, 0, 0, 0 from contact where left_queue is not null
			    union all
			    select arrived_at, 0, 1, 0, 0 from contact where counted and arrived_at <= :until and status <> 'DIVERTED'
			    union all
			    select left_queue, 0, 0, 1, 0 from contact where counted and status = 'ABANDONED' and waited < :short
			    union all
			    select assigned_at, 0, 0, 0, 1 from contact where counted and assigned_at is not null and waited <= :threshold
			), point as (
			    select greatest(0, ceil(extract(epoch from at - :from) / :step))::int as n,
			           sum(waiting) as waiting, sum(offered) as offered, sum(short_abandoned) as short_abandoned,
			           sum(in_time) as in_time
			    from change where at <= :until group by 1
			)
			select n.n,
			       coalesce(sum(p.waiting) over running, 0) as waiting,
			       coalesce(sum(p.offered) over running, 0) as offered,
			       coalesce(sum(p.short_abandoned) over running, 0) as short_abandoned,
			       coalesce(sum(p.in_time) over running, 0) as in_time
			from generate_series(0, :points - 1) as n (n)
			left join point p on p.n = n.n
			window running as (order by n.n)
			order by n.n
			""";

	private final JdbcClient jdbc;

	PracticeTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<PracticeSample> timeline(Instant from, Instant until, Duration every, Duration threshold) {
		InvalidInput.require(from != null && until != null && !until.isBefore(from), "until",
				"the timeline needs a start and an end no earlier than it");
		InvalidInput.require(every != null && every.toMillis() > 0, "every", "the timeline's step must be positive");
		InvalidInput.require(threshold != null && threshold.toMillis() > 0, "serviceLevelSeconds",
				"the service-level threshold must be positive");
		long points = Duration.between(from, until).toMillis() / every.toMillis() + 1;
		InvalidInput.require(points <= MAX_POINTS, "every", "the timeline has at most " + MAX_POINTS + " points");
		// The last point falls on the step, not on until, so that changes after it wait for the next one.
		Instant last = from.plus(every.multipliedBy(points - 1));
		return jdbc.sql(TIMELINE)
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(last))
			.param("step", every.toMillis() / 1000.0)
			.param("points", (int) points)
			.param("short", (double) QueueMeasures.SHORT_ABANDON.toSeconds())
			.param("threshold", threshold.toMillis() / 1000.0)
			.query((row, n) -> new PracticeSample(from.plus(every.multipliedBy(row.getInt("n"))), row.getInt("waiting"),
					row.getInt("offered"), row.getInt("short_abandoned"), row.getInt("in_time")))
			.list();
	}
}
