package org.tandem.routing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tandem.core.InvalidInput;
import org.tandem.routing.PracticeSample;
import org.tandem.routing.QueueMeasures;
import org.tandem.routing.RoutingReports;

/** Queue measures straight from the contacts table, one query for every queue, defined or not. */
@Service
class Measures implements RoutingReports {

	private static final String MEASURES = """
			with period as (
			    select queue, status, arrived_at, assigned_at, ended_at,
			           extract(epoch from coalesce(assigned_at, ended_at) - arrived_at) as waited
			    from routing_contacts
			    where arrived_at >= :from and arrived_at <= :at
			), waiting as (
			    select queue, count(*) as waiting_now, min(arrived_at) as first_arrival
			    from routing_contacts where status in ('WAITING', 'OFFERED') group by queue
			), queues as (
			    select name as queue from routing_queues
			    union select queue from period union select queue from waiting
			)
			select q.queue,
			       count(p.queue) filter (where p.status <> 'DIVERTED') as offered,
			       count(p.assigned_at) as answered,
			       count(*) filter (where p.status = 'ABANDONED') as abandoned,
			       count(*) filter (where p.status = 'ABANDONED' and p.waited < :short) as short_abandoned,
			       count(*) filter (where p.status = 'DIVERTED') as diverted,
			       count(*) filter (where p.assigned_at is not null and p.waited <= :threshold) as answered_in_time,
			       avg(p.waited) filter (where p.assigned_at is not null) as asa,
			       avg(extract(epoch from p.ended_at - p.assigned_at)) filter (where p.status = 'COMPLETED') as handled,
			       coalesce(max(w.waiting_now), 0) as waiting_now,
			       min(w.first_arrival) as first_arrival
			from queues q
			left join period p on p.queue = q.queue
			left join waiting w on w.queue = q.queue
			group by q.queue
			order by q.queue
			""";

	private final JdbcClient jdbc;

	private final RoutingProperties properties;

	private final Clock clock;

	private final PracticeTimeline timeline;

	Measures(JdbcClient jdbc, RoutingProperties properties, Clock clock, PracticeTimeline timeline) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.timeline = timeline;
	}

	@Override
	public List<PracticeSample> timeline(Instant from, Instant until, Duration every, Duration threshold) {
		return timeline.timeline(from, until, every, threshold);
	}

	@Override
	public List<QueueMeasures> measures(Instant from, Duration threshold) {
		InvalidInput.require(from != null, "from", "the start of the period is required");
		InvalidInput.require(threshold != null && !threshold.isNegative() && !threshold.isZero(), "serviceLevelSeconds",
				"the service-level threshold must be positive");
		Instant at = clock.instant();
		return jdbc.sql(MEASURES)
			.param("from", Timestamp.from(from))
			.param("at", Timestamp.from(at))
			.param("short", (double) QueueMeasures.SHORT_ABANDON.toSeconds())
			.param("threshold", threshold.toMillis() / 1000.0)
			.query((rs, row) -> measures(rs, from, at, threshold))
			.list();
	}

	private QueueMeasures measures(ResultSet rs, Instant from, Instant at, Duration threshold) throws SQLException {
		int offered = rs.getInt("offered");
		int abandoned = rs.getInt("abandoned");
		int shortAbandoned = rs.getInt("short_abandoned");
		int answeredInTime = rs.getInt("answered_in_time");
		int counted = offered - shortAbandoned;
		Timestamp firstArrival = rs.getTimestamp("first_arrival");
		Duration handled = seconds(rs, "handled");
		return new QueueMeasures(rs.getString("queue"), from, at, threshold, offered, rs.getInt("answered"), abandoned,
				shortAbandoned, answeredInTime, counted == 0 ? null : (double) answeredInTime / counted,
				counted == 0 ? null : (double) (abandoned - shortAbandoned) / counted, seconds(rs, "asa"),
				handled == null ? null : handled.plus(properties.wrapUp()), rs.getInt("waiting_now"),
				firstArrival == null ? Duration.ZERO : Duration.between(firstArrival.toInstant(), at), rs.getInt("diverted"));
	}

	private static Duration seconds(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : Duration.ofMillis(Math.round(value * 1000));
	}
}
