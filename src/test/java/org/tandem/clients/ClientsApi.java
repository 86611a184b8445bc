package org.tandem.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/** The clients API as the practice's administrator calls it, and the rows it leaves behind. */
final class ClientsApi {

	static final String ADMIN = "Basic " + HttpHeaders.encodeBasicAuth("admin", "test-admin-secret", StandardCharsets.UTF_8);

	private final MockMvcTester mvc;
	private final JsonMapper json;
	private final JdbcClient jdbc;

	ClientsApi(MockMvcTester mvc, JsonMapper json, JdbcClient jdbc) {
		this.mvc = mvc;
		this.json = json;
		this.jdbc = jdbc;
	}

	MvcTestResult get(String uri, Object... variables) {
		return mvc.get().uri(uri, variables).header(HttpHeaders.AUTHORIZATION, ADMIN).exchange();
	}

	MvcTestResult post(String uri, Object body, Object... variables) {
		return mvc.post().uri(uri, variables).header(HttpHeaders.AUTHORIZATION, ADMIN)
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)).exchange();
	}

	MvcTestResult put(String uri, Object body, Object... variables) {
		return mvc.put().uri(uri, variables).header(HttpHeaders.AUTHORIZATION, ADMIN)
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)).exchange();
	}

	UUID register(Map<String, Object> client) {
		return created(post("/api/clients", client));
	}

	UUID openCouple(UUID partnerA, UUID partnerB) {
		return created(post("/api/couples", ClientFixtures.couple(partnerA, partnerB)));
	}

	/** How many rows each table of the module holds, to prove that a refused request stored nothing. */
	Map<String, Integer> rowCounts() {
		var counts = new LinkedHashMap<String, Integer>();
		for (String table : List.of("clients", "client_phones", "couples", "open_couple_partners")) {
			counts.put(table, jdbc.sql("select count(*) from " + table).query(Integer.class).single());
		}
		return counts;
	}

	static <T> T read(MvcTestResult result, String path) {
		return JsonPath.read(body(result), path);
	}

	static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static UUID created(MvcTestResult result) {
		assertThat(result).hasStatus(HttpStatus.CREATED);
		return UUID.fromString(read(result, "$.id"));
	}
}
