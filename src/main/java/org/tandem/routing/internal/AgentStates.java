package org.tandem.routing.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.core.Channel;
import org.tandem.routing.Presence;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Agents' routing state as rows. */
@Repository
class AgentStates {

	private static final String UPSERT = """
			insert into routing_agents (agent_id, presence, since, active, pending_offer, pending_channel,
			    missed_in_a_row, wrap_up_until, idle_since, contacts_today, today)
			values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
			on conflict (agent_id) do update set presence = excluded.presence, since = excluded.since,
			    active = excluded.active, pending_offer = excluded.pending_offer,
			    pending_channel = excluded.pending_channel, missed_in_a_row = excluded.missed_in_a_row,
			    wrap_up_until = excluded.wrap_up_until, idle_since = excluded.idle_since,
			    contacts_today = excluded.contacts_today, today = excluded.today
			""";

	private final JdbcTemplate jdbc;
	private final JdbcClient client;
	private final JsonMapper json;

	AgentStates(JdbcTemplate jdbc, JdbcClient client, JsonMapper json) {
		this.jdbc = jdbc;
		this.client = client;
		this.json = json;
	}

	void save(List<AgentState> agents) {
		if (!agents.isEmpty()) {
			jdbc.batchUpdate(UPSERT, agents, agents.size(), this::bind);
		}
	}

	private void bind(PreparedStatement statement, AgentState a) throws SQLException {
		int i = 0;
		statement.setObject(++i, a.id());
		statement.setString(++i, a.presence().name());
		statement.setObject(++i, Sql.timestamp(a.since()));
		statement.setString(++i, json.writeValueAsString(a.activeByChannel()));
		statement.setObject(++i, a.pendingOffer());
		statement.setString(++i, a.pendingChannel() == null ? null : a.pendingChannel().name());
		statement.setInt(++i, a.missedInARow());
		statement.setObject(++i, Sql.timestamp(a.wrapUpUntil()), Types.TIMESTAMP_WITH_TIMEZONE);
		statement.setObject(++i, Sql.timestamp(a.idleSince()), Types.TIMESTAMP_WITH_TIMEZONE);
		statement.setInt(++i, a.contactsToday(a.since()));
		statement.setObject(++i, a.today());
	}

	java.util.Optional<AgentState> find(java.util.UUID agentId) {
		return client.sql("select * from routing_agents where agent_id = :id").param("id", agentId)
			.query((row, n) -> state(row))
			.optional();
	}

	List<AgentState> all() {
		return client.sql("select * from routing_agents").query((row, n) -> state(row)).list();
	}

	private AgentState state(ResultSet row) throws SQLException {
		Map<Channel, Integer> active = new EnumMap<>(Channel.class);
		active.putAll(json.readValue(row.getString("active"), new TypeReference<Map<Channel, Integer>>() {
		}));
		String channel = row.getString("pending_channel");
		return new AgentState(Sql.uuid(row, "agent_id"), Presence.valueOf(row.getString("presence")),
				Sql.instant(row, "since"), active, Sql.uuid(row, "pending_offer"),
				channel == null ? null : Channel.valueOf(channel), row.getInt("missed_in_a_row"),
				Sql.instant(row, "wrap_up_until"), Sql.instant(row, "idle_since"), row.getInt("contacts_today"),
				row.getObject("today", LocalDate.class));
	}
}
