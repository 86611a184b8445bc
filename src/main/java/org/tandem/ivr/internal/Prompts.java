package org.tandem.ivr.internal;

import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The practice's own prompt recordings. */
@Repository
class Prompts {

	private final JdbcClient client;

	Prompts(JdbcClient client) {
		this.client = client;
	}

	void save(String language, String id, byte[] audio) {
		client.sql("""
				insert into ivr_prompts (language, id, audio) values (:language, :id, :audio)
				on conflict (language, id) do update set audio = excluded.audio, uploaded_at = now()
				""")
			.param("language", language)
			.param("id", id)
			.param("audio", audio)
			.update();
	}

	Optional<byte[]> find(String language, String id) {
		return client.sql("select audio from ivr_prompts where language = :language and id = :id")
			.param("language", language)
			.param("id", id)
			.query((row, n) -> row.getBytes(1))
			.optional();
	}

	Set<String> ids(String language) {
		return Set.copyOf(client.sql("select id from ivr_prompts where language = :language")
			.param("language", language)
			.query(String.class)
			.list());
	}
}
