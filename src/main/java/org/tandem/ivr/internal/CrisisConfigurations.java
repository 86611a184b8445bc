package org.tandem.ivr.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.ivr.CrisisConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one crisis configuration, seeded by the migration and replaced whole. Every call reads it, so the
 * parsed configuration is kept while the stored text is the same: another instance's replacement is still
 * seen by the next call.
 */
@Repository
class CrisisConfigurations {

	private final JdbcClient client;
	private final JsonMapper json;

	private volatile Parsed last;

	private record Parsed(String text, CrisisConfiguration configuration) {
	}

	CrisisConfigurations(JdbcClient client, JsonMapper json) {
		this.client = client;
		this.json = json;
	}

	CrisisConfiguration current() {
		String text = client.sql("select configuration from ivr_crisis where id = 1").query(String.class).single();
		Parsed known = last;
		if (known != null && known.text().equals(text)) {
			return known.configuration();
		}
		CrisisConfiguration parsed = json.readValue(text, CrisisConfiguration.class);
		last = new Parsed(text, parsed);
		return parsed;
	}

	void replace(CrisisConfiguration configuration) {
		client.sql("update ivr_crisis set configuration = :configuration::json, updated_at = now() where id = 1")
			.param("configuration", json.writeValueAsString(configuration))
			.update();
	}
}
