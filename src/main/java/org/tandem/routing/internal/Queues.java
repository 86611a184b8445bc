package org.tandem.routing.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.routing.QueueDefinition;
import tools.jackson.databind.json.JsonMapper;

/** Queue definitions, stored as the JSON document the API speaks. */
@Repository
class Queues {

	private final JdbcClient client;
	private final JsonMapper json;

	Queues(JdbcClient client, JsonMapper json) {
		this.client = client;
		this.json = json;
	}

	void save(QueueDefinition queue) {
		client.sql("""
				insert into routing_queues (name, definition) values (:name, :definition::jsonb)
				on conflict (name) do update set definition = excluded.definition, updated_at = now()
				""")
			.param("name", queue.name())
			.param("definition", json.writeValueAsString(QueueDocument.of(queue)))
			.update();
	}

	void delete(String name) {
		client.sql("delete from routing_queues where name = :name").param("name", name).update();
	}

	List<QueueDefinition> all() {
		return client.sql("select definition from routing_queues order by name")
			.query((row, n) -> json.readValue(row.getString(1), QueueDocument.class).toDefinition())
			.list();
	}

	Optional<QueueDefinition> find(String name) {
		return client.sql("select definition from routing_queues where name = :name")
			.param("name", name)
			.query((row, n) -> json.readValue(row.getString(1), QueueDocument.class).toDefinition())
			.optional();
	}
}
