package org.tandem.routing.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.routing.Explanation;
import tools.jackson.databind.json.JsonMapper;

/** Routing decisions with their explanations, and the assignment log that refuses a second assignment. */
@Repository
class Decisions {

	private final JdbcTemplate jdbc;
	private final JdbcClient client;
	private final JsonMapper json;

	Decisions(JdbcTemplate jdbc, JdbcClient client, JsonMapper json) {
		this.jdbc = jdbc;
		this.client = client;
		this.json = json;
	}

	void save(List<Explanation> explanations) {
		if (explanations.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("insert into routing_decisions (contact_id, decided_at, chosen, explanation) values (?, ?, ?, ?::jsonb)",
				explanations, explanations.size(), (statement, e) -> {
					statement.setObject(1, e.contactId());
					statement.setObject(2, Sql.timestamp(e.at()));
					statement.setObject(3, e.chosen());
					statement.setString(4, json.writeValueAsString(e));
				});
	}

	/** Fails the transaction if a contact was already assigned: the primary key is the last line of defence. */
	void assigned(List<ContactState> assignments) {
		if (assignments.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("insert into routing_assignments (contact_id, agent_id, assigned_at) values (?, ?, ?)",
				assignments, assignments.size(), (statement, a) -> {
					statement.setObject(1, a.id());
					statement.setObject(2, a.assignedTo());
					statement.setObject(3, Sql.timestamp(a.assignedAt()));
				});
	}

	/** Contacts put back in line are no one's until they are taken again. */
	void requeued(List<UUID> contactIds) {
		if (contactIds.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("delete from routing_assignments where contact_id = ?", contactIds, contactIds.size(),
				(statement, id) -> statement.setObject(1, id));
	}

	List<Explanation> of(UUID contactId) {
		return client.sql("select explanation from routing_decisions where contact_id = :id order by id")
			.param("id", contactId)
			.query((row, n) -> json.readValue(row.getString(1), Explanation.class))
			.list();
	}
}
