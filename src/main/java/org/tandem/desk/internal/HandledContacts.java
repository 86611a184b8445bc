package org.tandem.desk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.core.Channel;
import org.tandem.desk.Disposition;

/** Every assignment the desktop heard of, by agent and by client, with the wrap-up's disposition. */
@Repository
class HandledContacts {

	private static final String SELECT = """
			select c.contact_id, c.agent_id, c.client_id, c.queue, c.channel, c.assigned_at, c.completed_at, n.disposition
			from desk_contacts c left join desk_notes n on n.contact_id = c.contact_id
			""";

	private final JdbcClient jdbc;

	HandledContacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Idempotent: an event heard twice is one contact. */
	void assigned(UUID contactId, UUID agentId, UUID clientId, String queue, Channel channel, Instant at) {
		jdbc.sql("""
				insert into desk_contacts (contact_id, agent_id, client_id, queue, channel, assigned_at)
				values (:contact, :agent, :client, :queue, :channel, :at) on conflict (contact_id) do nothing
				""")
			.param("contact", contactId)
			.param("agent", agentId)
			.param("client", clientId)
			.param("queue", queue)
			.param("channel", channel.name())
			.param("at", utc(at))
			.update();
	}

	void completed(UUID contactId, Instant at) {
		jdbc.sql("update desk_contacts set completed_at = :at where contact_id = :contact and completed_at is null")
			.param("contact", contactId)
			.param("at", utc(at))
			.update();
	}

	void requeued(UUID contactId, UUID agentId) {
		jdbc.sql("delete from desk_contacts where contact_id = :contact and agent_id = :agent")
			.param("contact", contactId)
			.param("agent", agentId)
			.update();
	}

	/** The agent's contacts taken since {@code from}, newest first. */
	List<HandledContact> ofAgentSince(UUID agentId, Instant from) {
		return jdbc.sql(SELECT + " where c.agent_id = :agent and c.assigned_at >= :from order by c.assigned_at desc limit 200")
			.param("agent", agentId)
			.param("from", utc(from))
			.query(HandledContacts::row)
			.list();
	}

	/** The client's earlier contacts, newest first, without the one on screen. */
	List<HandledContact> ofClient(UUID clientId, UUID except, int limit) {
		return jdbc.sql(SELECT + " where c.client_id = :client and c.contact_id <> :except order by c.assigned_at desc limit :limit")
			.param("client", clientId)
			.param("except", except)
			.param("limit", limit)
			.query(HandledContacts::row)
			.list();
	}

	private static HandledContact row(ResultSet row, int n) throws SQLException {
		String disposition = row.getString("disposition");
		return new HandledContact(row.getObject("contact_id", UUID.class), row.getObject("agent_id", UUID.class),
				row.getObject("client_id", UUID.class), row.getString("queue"), Channel.valueOf(row.getString("channel")),
				instant(row, "assigned_at"), instant(row, "completed_at"),
				disposition == null ? null : Disposition.valueOf(disposition));
	}

	static OffsetDateTime utc(Instant at) {
		return at == null ? null : at.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
