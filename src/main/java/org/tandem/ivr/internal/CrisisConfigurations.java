package org.tandem.ivr.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.ivr.CrisisConfiguration;
import tools.jackson.databind.json.JsonMapper;

/** The one crisis configuration, seeded by the migration and replaced whole. */
@Repository
class CrisisConfigurations {

	private final JdbcClient client;
	private final JsonMapper json;

	CrisisConfigurations(JdbcClient client, JsonMapper json) {
		this.client = client;
		this.json = json;
	}

	CrisisConfiguration current() {
		return client.sql("select configuration from ivr_crisis where id = 1")
			.query((row, n) -> json.readValue(row.getString(1), CrisisConfiguration.class))
			.single();
	}

	void replace(CrisisConfiguration configuration) {
		client.sql("update ivr_crisis set configuration = :configuration::json, updated_at = now() where id = 1")
			.param("configuration", json.writeValueAsString(configuration))
			.update();
	}
}
