package org.tandem.desk.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.desk.Disposition;

/** Notes and dispositions, one per contact. */
@Repository
class Notes {

	private final JdbcClient jdbc;

	Notes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Note> find(UUID contactId) {
		return jdbc.sql("select contact_id, client_id, agent_id, disposition, body, updated_at from desk_notes where contact_id = :id")
			.param("id", contactId)
			.query((row, n) -> {
				String disposition = row.getString("disposition");
				return new Note(row.getObject("contact_id", UUID.class), row.getObject("client_id", UUID.class),
						row.getObject("agent_id", UUID.class), disposition == null ? null : Disposition.valueOf(disposition),
						row.getString("body"), HandledContacts.instant(row, "updated_at"));
			})
			.optional();
	}

	/**
	 * Writes the note; a null {@code body} keeps what was written before, so that a front-desk user's
	 * disposition never wipes a note they cannot see.
	 */
	void save(UUID contactId, UUID clientId, UUID agentId, Disposition disposition, String body, Instant at) {
		jdbc.sql("""
				insert into desk_notes (contact_id, client_id, agent_id, disposition, body, created_at, updated_at)
				values (:contact, :client, :agent, :disposition, coalesce(cast(:body as text), ''), :at, :at)
				on conflict (contact_id) do update set disposition = coalesce(excluded.disposition, desk_notes.disposition),
				    body = coalesce(cast(:body as text), desk_notes.body), updated_at = excluded.updated_at
				""")
			.param("contact", contactId)
			.param("client", clientId)
			.param("agent", agentId)
			.param("disposition", disposition == null ? null : disposition.name())
			.param("body", body)
			.param("at", HandledContacts.utc(at))
			.update();
	}
}
