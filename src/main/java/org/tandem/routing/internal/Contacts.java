package org.tandem.routing.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.core.Channel;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.ContactView;
import org.tandem.routing.Needs;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Contacts as rows: written by the routing loop, read by anyone. */
@Repository
class Contacts {

	private static final String INSERT = """
			insert into routing_contacts (id, sequence, queue, channel, priority, needs, client_id, couple_id,
			    own_therapist, context, arrived_at, queued_at, status, passed_over, offered_to, offer_expires_at,
			    offer_step, assigned_to, assigned_at, ended_at)
			values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

	/** What a contact's life changes; who it is and what it needs are written once. */
	private static final String UPDATE = """
			update routing_contacts set status = ?, passed_over = ?, offered_to = ?, offer_expires_at = ?,
			    offer_step = ?, assigned_to = ?, assigned_at = ?, ended_at = ?, updated_at = now()
			where id = ?
			""";

	/** A waiting contact's place in line: 1 + the waiting contacts of its queue served before it. */
	private static final String POSITION = """
			case when c.status = 'WAITING' then 1 + (select count(*) from routing_contacts w
			    where w.queue = c.queue and w.status = 'WAITING'
			    and (w.priority > c.priority or w.priority = c.priority
			        and (w.arrived_at, w.sequence) < (c.arrived_at, c.sequence))) else 0 end as position
			""";

	private final JdbcTemplate jdbc;
	private final JdbcClient client;
	private final JsonMapper json;

	Contacts(JdbcTemplate jdbc, JdbcClient client, JsonMapper json) {
		this.jdbc = jdbc;
		this.client = client;
		this.json = json;
	}

	void save(Collection<ContactState> changed, Collection<ContactState> created) {
		if (!created.isEmpty()) {
			jdbc.batchUpdate(INSERT, List.copyOf(created), created.size(), this::bindNew);
		}
		List<ContactState> updated = changed.stream().filter(contact -> !created.contains(contact)).toList();
		if (!updated.isEmpty()) {
			jdbc.batchUpdate(UPDATE, updated, updated.size(), this::bindChange);
		}
	}

	private void bindNew(PreparedStatement statement, ContactState c) throws SQLException {
		int i = 0;
		statement.setObject(++i, c.id());
		statement.setLong(++i, c.sequence());
		statement.setString(++i, c.queue());
		statement.setString(++i, c.channel().name());
		statement.setInt(++i, c.priority());
		statement.setString(++i, json.writeValueAsString(c.needs()));
		statement.setObject(++i, c.clientId());
		statement.setObject(++i, c.coupleId());
		statement.setObject(++i, c.ownTherapist());
		statement.setString(++i, json.writeValueAsString(c.context()));
		statement.setObject(++i, Sql.timestamp(c.arrivedAt()));
		statement.setObject(++i, Sql.timestamp(c.queuedAt()));
		bindState(statement, i, c);
	}

	private void bindChange(PreparedStatement statement, ContactState c) throws SQLException {
		int i = bindState(statement, 0, c);
		statement.setObject(++i, c.id());
	}

	private static int bindState(PreparedStatement statement, int i, ContactState c) throws SQLException {
		statement.setString(++i, c.status().name());
		statement.setArray(++i, statement.getConnection().createArrayOf("uuid", c.passedOver().toArray()));
		statement.setObject(++i, c.offeredTo());
		statement.setObject(++i, Sql.timestamp(c.offerExpiresAt()), Types.TIMESTAMP_WITH_TIMEZONE);
		statement.setInt(++i, c.offerStep());
		statement.setObject(++i, c.assignedTo());
		statement.setObject(++i, Sql.timestamp(c.assignedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
		statement.setObject(++i, Sql.timestamp(c.endedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
		return i;
	}

	/** Open contacts (waiting, offered, assigned) as the engine last left them. */
	List<ContactState> open() {
		return client.sql("select * from routing_contacts where status in ('WAITING', 'OFFERED', 'ASSIGNED') order by sequence")
			.query((row, n) -> state(row))
			.list();
	}

	long lastSequence() {
		return client.sql("select coalesce(max(sequence), 0) from routing_contacts").query(Long.class).single();
	}

	Optional<ContactView> find(UUID id) {
		return client.sql("select c.*, " + POSITION + " from routing_contacts c where c.id = :id")
			.param("id", id)
			.query((row, n) -> view(row))
			.optional();
	}

	/** Waiting and offered contacts of a queue, in serving order. */
	List<ContactView> inQueue(String queue) {
		return client.sql("""
				select c.*, case when c.status = 'WAITING' then count(*) filter (where c.status = 'WAITING')
				    over (order by c.priority desc, c.arrived_at, c.sequence) else 0 end as position
				from routing_contacts c where c.queue = :queue and c.status in ('WAITING', 'OFFERED')
				order by c.priority desc, c.arrived_at, c.sequence""")
			.param("queue", queue)
			.query((row, n) -> view(row))
			.list();
	}

	boolean anyOpenIn(String queue) {
		return client.sql("select exists (select 1 from routing_contacts where queue = :queue"
				+ " and status in ('WAITING', 'OFFERED', 'ASSIGNED'))")
			.param("queue", queue)
			.query(Boolean.class)
			.single();
	}

	Optional<java.time.Instant> arrivalOf(UUID id) {
		return client.sql("select arrived_at from routing_contacts where id = :id")
			.param("id", id)
			.query((row, n) -> Sql.instant(row, "arrived_at"))
			.optional();
	}

	private ContactState state(ResultSet row) throws SQLException {
		UUID[] passed = (UUID[]) row.getArray("passed_over").getArray();
		return new ContactState(Sql.uuid(row, "id"), row.getLong("sequence"), row.getString("queue"),
				Channel.valueOf(row.getString("channel")), row.getInt("priority"), needs(row),
				Sql.uuid(row, "client_id"), Sql.uuid(row, "couple_id"), Sql.uuid(row, "own_therapist"),
				Sql.instant(row, "arrived_at"), Sql.instant(row, "queued_at"), context(row), Set.copyOf(Arrays.asList(passed)),
				ContactStatus.valueOf(row.getString("status")), Sql.uuid(row, "offered_to"),
				Sql.instant(row, "offer_expires_at"), row.getInt("offer_step"), Sql.uuid(row, "assigned_to"),
				Sql.instant(row, "assigned_at"), Sql.instant(row, "ended_at"));
	}

	private ContactView view(ResultSet row) throws SQLException {
		return new ContactView(Sql.uuid(row, "id"), row.getString("queue"), Channel.valueOf(row.getString("channel")),
				row.getInt("priority"), ContactStatus.valueOf(row.getString("status")), needs(row),
				Sql.uuid(row, "client_id"), Sql.uuid(row, "couple_id"), Sql.instant(row, "arrived_at"),
				Sql.instant(row, "queued_at"), row.getInt("offer_step"), Sql.uuid(row, "offered_to"),
				Sql.instant(row, "offer_expires_at"), Sql.uuid(row, "assigned_to"), Sql.instant(row, "assigned_at"),
				Sql.instant(row, "ended_at"), row.getInt("position"), context(row));
	}

	private Needs needs(ResultSet row) throws SQLException {
		return json.readValue(row.getString("needs"), Needs.class);
	}

	private Map<String, String> context(ResultSet row) throws SQLException {
		return json.readValue(row.getString("context"), new TypeReference<Map<String, String>>() {
		});
	}
}
