package org.tandem.ivr.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The calls' journeys, written at each turning point. */
@Repository
class CallRecords {

	private static final String SELECT = """
			select id, caller, dialled, flow, flow_version, started_at, contact_id, agent_id, ring_started_at,
			       answered_at, ended_at, outcome, choices
			from ivr_calls
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CallRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void started(String id, String caller, String dialled, String flow, Integer flowVersion, Instant at) {
		jdbc.sql("""
				insert into ivr_calls (id, caller, dialled, flow, flow_version, started_at)
				values (:id, :caller, :dialled, :flow, :version, :at)
				""")
			.param("id", id)
			.param("caller", caller)
			.param("dialled", dialled)
			.param("flow", flow)
			.param("version", flowVersion)
			.param("at", Timestamp.from(at))
			.update();
	}

	void queued(String id, UUID contactId) {
		jdbc.sql("update ivr_calls set contact_id = :contact where id = :id").param("id", id).param("contact", contactId)
			.update();
	}

	void ringing(String id, UUID agentId, Instant at) {
		jdbc.sql("update ivr_calls set agent_id = :agent, ring_started_at = :at where id = :id")
			.param("id", id)
			.param("agent", agentId)
			.param("at", Timestamp.from(at))
			.update();
	}

	void answered(String id, UUID agentId, Instant at) {
		jdbc.sql("update ivr_calls set agent_id = :agent, answered_at = :at where id = :id")
			.param("id", id)
			.param("agent", agentId)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The first end wins: a call ends once. */
	void ended(String id, CallRecord.Outcome outcome, Map<String, String> choices, Instant at) {
		jdbc.sql("""
				update ivr_calls set ended_at = :at, outcome = :outcome, choices = :choices::json
				where id = :id and ended_at is null
				""")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.param("outcome", outcome.name())
			.param("choices", json.writeValueAsString(choices))
			.update();
	}

	/** Calls that were up when Tandem stopped, now ended; their contacts are returned so they can be withdrawn. */
	List<UUID> interrupt(Instant at) {
		return jdbc.sql("""
				update ivr_calls set ended_at = :at, outcome = 'INTERRUPTED'
				where ended_at is null
				returning contact_id
				""")
			.param("at", Timestamp.from(at))
			.query((rs, row) -> rs.getObject(1, UUID.class))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	Optional<CallRecord> find(String id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::record).optional();
	}

	List<CallRecord> since(Instant from, int limit) {
		return jdbc.sql(SELECT + " where started_at >= :from order by started_at desc limit :limit")
			.param("from", Timestamp.from(from))
			.param("limit", limit)
			.query(this::record)
			.list();
	}

	private CallRecord record(ResultSet rs, int row) throws SQLException {
		String outcome = rs.getString("outcome");
		return new CallRecord(rs.getString("id"), rs.getString("caller"), rs.getString("dialled"), rs.getString("flow"),
				(Integer) rs.getObject("flow_version"), instant(rs, "started_at"), rs.getObject("contact_id", UUID.class),
				rs.getObject("agent_id", UUID.class), instant(rs, "ring_started_at"), instant(rs, "answered_at"),
				instant(rs, "ended_at"), outcome == null ? null : CallRecord.Outcome.valueOf(outcome),
				json.readValue(rs.getString("choices"), new TypeReference<Map<String, String>>() {
				}));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}
}
