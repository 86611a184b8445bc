package org.tandem.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RoutingApiIntegrationTests {

	static final String ADMIN = "Basic "
			+ Base64.getEncoder().encodeToString("admin:test-admin-secret".getBytes(StandardCharsets.UTF_8));

	static final String QUEUE = """
			{"offerTimeoutSeconds": 20, "steps": [
			  {"name": "Specialist", "target": "THERAPISTS", "filters": ["LICENSED", "SPECIALIST"], "timeoutSeconds": 60},
			  {"name": "Front desk", "target": "FRONT_DESK", "strategy": "LONGEST_IDLE"}]}
			""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	MvcTestResult put(String path, String json) {
		return mvc.put().uri(path).header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(APPLICATION_JSON).content(json)
			.exchange();
	}

	MvcTestResult post(String path, String json) {
		return mvc.post().uri(path).header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(APPLICATION_JSON).content(json)
			.exchange();
	}

	int rows(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	@Test
	void storesAQueueWithItsStepsAndReadsItBack() {
		assertThat(put("/api/queues/api-intake", QUEUE)).hasStatusOk();

		assertThat(mvc.get().uri("/api/queues/api-intake").header(HttpHeaders.AUTHORIZATION, ADMIN))
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.steps[0].filters").asArray().containsExactlyInAnyOrder("LICENSED", "SPECIALIST");
				assertThat(json).doesNotHavePath("$.steps[1].timeoutSeconds");
				assertThat(json).extractingPath("$.offerTimeoutSeconds").isEqualTo(20);
			});
	}

	@ParameterizedTest(name = "{0} → 400 on {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"steps": [{"name": "No target", "timeoutSeconds": 30}]}                                 | steps[0].target
			{"steps": [{"name": "Back in time", "target": "THERAPISTS", "timeoutSeconds": -5}]}      | steps[0].timeoutSeconds
			{"steps": []}                                                                           | steps
			{"offerTimeoutSeconds": 0, "steps": [{"name": "Desk", "target": "FRONT_DESK"}]}          | offerTimeoutSeconds
			{"steps": [{"name": "Desk", "target": "RECEPTION"}]}                                     | steps[0].target
			{"steps": [{"name": "Desk", "target": "FRONT_DESK", "filters": ["PRESENCE"]}]}           | steps[0].filters
			{"steps": [{"name": "Desk", "target": "FRONT_DESK", "timeoutSeconds": "soon"}]}          | steps[0].timeoutSeconds
			""")
	void refusesABadQueueNamingTheFieldAndStoresNothing(String body, String field) {
		int before = rows("routing_queues");

		assertThat(put("/api/queues/broken", body)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo(field);
		assertThat(rows("routing_queues")).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} → 400 on {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"queue": "api-intake", "channel": "VOICE", "needs": {"currentState": "ZZ"}}                | needs.currentState
			{"queue": "api-intake", "channel": "VOICE", "priority": "high"}                              | priority
			{"queue": "api-intake", "channel": "PIGEON"}                                                 | channel
			{"queue": "api-intake", "channel": "VOICE", "priority": 12}                                  | priority
			{"queue": "no-such-queue", "channel": "VOICE"}                                               | queue
			{"queue": "api-intake", "channel": "VOICE", "needs": {"language": "klingon"}}                | needs.language
			{"queue": "api-intake", "channel": "VOICE", "needs": {"budget": -20}}                        | needs.budget
			{"queue": "api-intake", "channel": "VOICE", "clientId": "not-a-uuid"}                        | clientId
			{"queue": "api-intake", "channel": "VOICE", "clientId": "00000000-0000-0000-0000-000000000000"} | clientId
			""")
	void refusesABadContactNamingTheFieldAndQueuesNothing(String body, String field) {
		put("/api/queues/api-intake", QUEUE);
		int before = rows("routing_contacts");

		assertThat(post("/api/contacts", body)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.field")
			.isEqualTo(field);
		assertThat(rows("routing_contacts")).isEqualTo(before);
	}

	@Test
	void queuesAContactAndExplainsWhyNoOneTookItYet() throws Exception {
		put("/api/queues/api-intake", QUEUE);
		var created = post("/api/contacts", """
				{"queue": "api-intake", "channel": "CHAT", "priority": 2,
				 "needs": {"populations": ["LESBIAN_COUPLES"], "language": "es", "currentState": "tx"}}
				""");
		assertThat(created).hasStatus(HttpStatus.CREATED);
		String id = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");

		assertThat(mvc.get().uri("/api/contacts/" + id + "/decisions").header(HttpHeaders.AUTHORIZATION, ADMIN))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$[0].summary")
			.asString()
			.startsWith("No one of");
		assertThat(post("/api/contacts/" + id + "/withdraw", "")).hasStatusOk().bodyJson().extractingPath("$.status")
			.isEqualTo("ABANDONED");
	}

	@Test
	void refusesToAcceptAnOfferThatIsNotYours() throws Exception {
		put("/api/queues/api-intake", QUEUE);
		var created = post("/api/contacts", "{\"queue\": \"api-intake\", \"channel\": \"VOICE\"}");
		String id = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");

		assertThat(post("/api/contacts/" + id + "/accept", "{\"agentId\": \"" + UUID.randomUUID() + "\"}"))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(post("/api/contacts/" + id + "/accept", "{}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.field").isEqualTo("agentId");
		post("/api/contacts/" + id + "/withdraw", "");
	}

	@Test
	void refusesAPresenceThatDoesNotExist() {
		assertThat(put("/api/agents/" + UUID.randomUUID() + "/presence", "{\"presence\": \"SLEEPING\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.field").isEqualTo("presence");
		assertThat(put("/api/agents/" + UUID.randomUUID() + "/presence", "{\"presence\": \"AVAILABLE\"}"))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void answersNobodyWithoutTheAdministratorCredential() {
		assertThat(mvc.get().uri("/api/queues")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.post().uri("/api/contacts").contentType(APPLICATION_JSON).content("{}"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void describesTheApiInOpenApi() {
		assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.paths")
			.asMap()
			.containsKeys("/api/contacts", "/api/contacts/{id}/decisions", "/api/queues/{name}", "/api/agents/{id}/presence",
					"/api/staff", "/api/clients", "/api/couples");
	}
}
