package org.tandem.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tandem.directory.Directory;
import org.tandem.directory.StaffMemberSaved;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RecordApplicationEvents
class StaffApiIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Directory directory;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	Clock clock;

	ObjectNode therapist;

	@BeforeEach
	void newTherapist() {
		therapist = StaffRequests.therapist(LocalDate.now(clock));
	}

	@Test
	void addsAStaffMemberAndReadsItBackNormalised() {
		MvcTestResult created = post(therapist);

		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode body = json(created);
		String id = body.get("id").asString();
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/staff/" + id);
		assertThat(body.get("role").asString()).isEqualTo("THERAPIST");
		assertThat(body.get("phone").asString()).isEqualTo("+14155550123");
		assertThat(body.get("licenses").get(1).get("state").asString()).isEqualTo("TX");
		assertThat(body.get("specialties").toString()).isEqualTo("[\"affairs\",\"couples-communication\"]");
		assertThat(body.get("availability").get("weekly").get(0).get("from").asString()).isEqualTo("17:00:00");
		assertThat(body.get("capacity").toString()).isEqualTo("{\"VOICE\":1,\"CHAT\":3}");
		assertThat(body.get("active").asBoolean()).isTrue();

		MvcTestResult read = get(created.getResponse().getHeader("Location"));
		assertThat(read).hasStatusOk();
		assertThat(json(read)).isEqualTo(body);
		assertThat(json(get("/api/staff")).valueStream().map(member -> member.get("id").asString())).contains(id);
	}

	@Test
	void replacesAStaffMember() {
		String id = idOf(post(therapist));

		var edited = StaffRequests.withJson(StaffRequests.with(therapist, "/name", "Rosa Alvarez-Chen"), "/capacity",
				"{\"VOICE\": 1, \"SMS\": 2}");
		assertThat(put(id, edited)).hasStatusOk();

		JsonNode stored = json(get("/api/staff/" + id));
		assertThat(stored.get("name").asString()).isEqualTo("Rosa Alvarez-Chen");
		assertThat(stored.get("capacity").toString()).isEqualTo("{\"VOICE\":1,\"SMS\":2}");
		assertThat(stored.get("active").asBoolean()).isTrue();
	}

	@Test
	void deactivatesWithoutDeletingAndReactivatesOnRequest() {
		String id = idOf(post(therapist));
		int rows = count("staff");

		assertThat(mvc.delete().uri("/api/staff/" + id).header(AUTHORIZATION, Admin.AUTHORIZATION))
			.hasStatus(HttpStatus.NO_CONTENT);

		assertThat(count("staff")).isEqualTo(rows);
		assertThat(json(get("/api/staff/" + id)).get("active").asBoolean()).isFalse();
		assertThat(directory.staff()).noneMatch(member -> member.id().toString().equals(id));
		assertThat(directory.find(UUID.fromString(id))).isPresent();

		assertThat(put(id, therapist)).hasStatusOk();
		assertThat(json(get("/api/staff/" + id)).get("active").asBoolean()).as("an edit keeps the state").isFalse();
		assertThat(put(id, StaffRequests.with(therapist, "/active", true))).hasStatusOk();
		assertThat(directory.staff()).anyMatch(member -> member.id().toString().equals(id));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/licenses/0/state            | '"XX"'             | licenses[0].state
			/role                        | '"NURSE"'          | role
			/populations/0               | '"ALIENS"'         | populations[0]
			/phone                       | '"12345"'          | phone
			/languages/0                 | '"klingon"'        | languages[0]
			/licenses/1/expiresOn        | '"2020-01-31"'     | licenses[1].expiresOn
			/licenses/1/expiresOn        | '"someday"'        | licenses[1].expiresOn
			/licenses                    | []                 | licenses
			/compacts/0/compact          | '"MFT"'            | compacts[0].compact
			/compacts/0/homeState        | '"CA"'             | compacts[0].homeState
			/compacts/0/compact          | '"COUNSELING_COMPACT"' | compacts[0].privilegeStates
			/availability/weekly/2/to    | '"09:00"'          | availability.weekly[2].to
			/availability/weekly/2/to    | '"25:00"'          | availability.weekly[2].to
			/availability/zone           | '"Mars/Olympus"'   | availability.zone
			/capacity/CHAT               | -1                 | capacity.CHAT
			/capacity/CHAT               | '"many"'           | capacity.CHAT
			/name                        | '"  "'             | name
			/fees/standard               | -5                 | fees.standard
			/fees/standard               | '"lots"'           | fees.standard
			/fees/slidingMin             | 200                | fees.slidingMin
			""")
	void rejectsBadInputNamingTheFieldAndStoresNothing(String pointer, String json, String field) {
		int[] before = { count("staff"), count("staff_licenses"), count("staff_compact_authorizations") };

		MvcTestResult result = post(StaffRequests.withJson(therapist, pointer, json));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(json(result).get("field").asString()).isEqualTo(field);
		assertThat(new int[] { count("staff"), count("staff_licenses"), count("staff_compact_authorizations") })
			.isEqualTo(before);
	}

	@Test
	void rejectsABadEditAndKeepsTheStoredVersion() {
		String id = idOf(post(therapist));
		JsonNode stored = json(get("/api/staff/" + id));

		MvcTestResult result = put(id, StaffRequests.withJson(therapist, "/licenses/0/expiresOn", "\"2021-05-01\""));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(json(result).get("field").asString()).isEqualTo("licenses[0].expiresOn");
		assertThat(json(get("/api/staff/" + id))).isEqualTo(stored);
	}

	@Test
	void rejectsASipUserThatAnotherPersonRegistersAs() {
		post(therapist);
		var colleague = StaffRequests.with(StaffRequests.therapist(LocalDate.now(clock)), "/sipUser",
				therapist.get("sipUser").asString());

		MvcTestResult result = post(colleague);

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(json(result).get("field").asString()).isEqualTo("sipUser");
	}

	@Test
	void answersNotFoundForAnUnknownId() {
		String unknown = "/api/staff/" + UUID.randomUUID();

		assertThat(get(unknown)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.put().uri(unknown).header(AUTHORIZATION, Admin.AUTHORIZATION).contentType(APPLICATION_JSON)
			.content(therapist.toString())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.delete().uri(unknown).header(AUTHORIZATION, Admin.AUTHORIZATION))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void answersBadRequestNamingAnIdThatIsNotAUuid() {
		MvcTestResult result = get("/api/staff/rosa");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(json(result).get("field").asString()).isEqualTo("id");
	}

	@Test
	void answersUnauthorizedWithoutCredentialsAndStoresNothing() {
		int before = count("staff");

		assertThat(mvc.get().uri("/api/staff")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.post().uri("/api/staff").contentType(APPLICATION_JSON).content(therapist.toString()))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(count("staff")).isEqualTo(before);
	}

	@Test
	void publishesStaffMemberSavedForEveryChange(ApplicationEvents events) {
		String id = idOf(post(therapist));
		put(id, therapist);
		mvc.delete().uri("/api/staff/" + id).header(AUTHORIZATION, Admin.AUTHORIZATION).exchange();

		assertThat(events.stream(StaffMemberSaved.class)).containsExactly(new StaffMemberSaved(UUID.fromString(id)),
				new StaffMemberSaved(UUID.fromString(id)), new StaffMemberSaved(UUID.fromString(id)));
	}

	@Test
	void publishesNothingWhenTheInputIsRejected(ApplicationEvents events) {
		post(StaffRequests.with(therapist, "/name", ""));

		assertThat(events.stream(StaffMemberSaved.class)).isEmpty();
	}

	@Test
	void publishesStaffMemberSavedInsideTheTransactionOfTheWrite() {
		List<Boolean> inTransaction = new ArrayList<>();
		ApplicationListener<ApplicationEvent> listener = event -> {
			if (event instanceof PayloadApplicationEvent<?> payload
					&& payload.getPayload() instanceof StaffMemberSaved) {
				inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
			}
		};
		context.addApplicationListener(listener);
		try {
			post(therapist);
		}
		finally {
			context.removeApplicationListener(listener);
		}

		assertThat(inTransaction).containsExactly(true);
	}

	private MvcTestResult post(JsonNode body) {
		return mvc.post().uri("/api/staff").header(AUTHORIZATION, Admin.AUTHORIZATION).contentType(APPLICATION_JSON)
			.content(body.toString()).exchange();
	}

	private MvcTestResult put(String id, JsonNode body) {
		return mvc.put().uri("/api/staff/" + id).header(AUTHORIZATION, Admin.AUTHORIZATION)
			.contentType(APPLICATION_JSON).content(body.toString()).exchange();
	}

	private MvcTestResult get(String uri) {
		return mvc.get().uri(uri).header(AUTHORIZATION, Admin.AUTHORIZATION).exchange();
	}

	private static JsonNode json(MvcTestResult result) {
		return StaffRequests.JSON.readTree(result.getResponse().getContentAsByteArray());
	}

	private static String idOf(MvcTestResult created) {
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return json(created).get("id").asString();
	}

	private int count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}
}
