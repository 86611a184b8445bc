package org.tandem.ivr.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.ivr.Flow;
import org.tandem.ivr.FlowVersion;
import tools.jackson.databind.json.JsonMapper;

/** Flow versions and the numbers they answer. */
@Repository
class Flows {

	private static final String SELECT = """
			select f.name, f.version, f.saved_at, f.document,
			       array(select n.number from ivr_numbers n where n.flow = f.name and n.version = f.version order by 1) as numbers
			from ivr_flows f
			""";

	private final JdbcClient client;
	private final JsonMapper json;

	/** A version never changes once saved, so each is read from JSON once, not on every call that it answers. */
	private final Map<String, Flow> parsed = new ConcurrentHashMap<>();

	Flows(JdbcClient client, JsonMapper json) {
		this.client = client;
		this.json = json;
	}

	/** Numbers the version one past the newest; two saves at once collide on the key and one is told to retry. */
	int save(String name, Flow flow) {
		return client.sql("""
				insert into ivr_flows (name, version, document)
				select :name, coalesce(max(version), 0) + 1, :document::json from ivr_flows where name = :name
				returning version
				""")
			.param("name", name)
			.param("document", json.writeValueAsString(flow))
			.query(Integer.class)
			.single();
	}

	Optional<FlowVersion> latest(String name) {
		return client.sql(SELECT + " where f.name = :name order by f.version desc limit 1")
			.param("name", name)
			.query(this::version)
			.optional();
	}

	Optional<FlowVersion> find(String name, int version) {
		return client.sql(SELECT + " where f.name = :name and f.version = :version")
			.param("name", name)
			.param("version", version)
			.query(this::version)
			.optional();
	}

	List<FlowVersion> versions(String name) {
		return client.sql(SELECT + " where f.name = :name order by f.version")
			.param("name", name)
			.query(this::version)
			.list();
	}

	/** The newest version of every flow. */
	List<FlowVersion> newest() {
		return client.sql(SELECT + " where f.version = (select max(g.version) from ivr_flows g where g.name = f.name) order by f.name")
			.query(this::version)
			.list();
	}

	Optional<FlowVersion> activeFor(String number) {
		return client.sql(SELECT + " join ivr_numbers a on a.flow = f.name and a.version = f.version where a.number = :number")
			.param("number", number)
			.query(this::version)
			.optional();
	}

	void activate(String name, int version, String number) {
		client.sql("""
				insert into ivr_numbers (number, flow, version) values (:number, :name, :version)
				on conflict (number) do update set flow = excluded.flow, version = excluded.version, activated_at = now()
				""")
			.param("number", number)
			.param("name", name)
			.param("version", version)
			.update();
	}

	private FlowVersion version(ResultSet row, int n) throws SQLException {
		var numbers = (String[]) row.getArray("numbers").getArray();
		return new FlowVersion(row.getString("name"), row.getInt("version"), row.getTimestamp("saved_at").toInstant(),
				Arrays.asList(numbers), parsed(row.getString("name"), row.getInt("version"), row.getString("document")));
	}

	private Flow parsed(String name, int version, String document) {
		return parsed.computeIfAbsent(name + "\n" + version, key -> json.readValue(document, Flow.class));
	}
}
