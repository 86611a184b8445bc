package org.tandem.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.tandem.clients.ClientFixtures.maya;
import static org.tandem.clients.ClientFixtures.phone;
import static org.tandem.clients.ClientFixtures.uniquePhone;
import static org.tandem.clients.ClientsApi.read;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tandem.core.PhoneNumber;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RecordApplicationEvents
class ClientApiIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClientRecords records;

	@Autowired
	ApplicationEvents events;

	ClientsApi api;

	@BeforeEach
	void setUp() {
		api = new ClientsApi(mvc, json, jdbc);
	}

	@Test
	void registersAClientAndReadsItBackAsStored() {
		var body = maya();
		body.put("phones", List.of(phone("(303) 555-0177", "cell", true, false, false)));
		Instant before = Instant.now();

		var created = api.post("/api/clients", body);

		assertThat(created).hasStatus(HttpStatus.CREATED);
		String id = read(created, "$.id");
		assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/clients/" + id);
		assertThat(events.stream(ClientSaved.class)).containsExactly(new ClientSaved(UUID.fromString(id)));

		var fetched = api.get("/api/clients/{id}", id);
		assertThat(fetched).hasStatusOk();
		assertThat(ClientsApi.body(fetched)).isEqualTo(ClientsApi.body(created));
		assertThat(fetched).bodyJson().extractingPath("$.phones[0]").isEqualTo(Map.of("phone", "+13035550177",
				"label", "cell", "okToCall", true, "okToText", false, "okToLeaveDetailedVoicemail", false));
		assertThat(fetched).bodyJson().extractingPath("$.language").isEqualTo("en");
		assertThat(fetched).bodyJson().extractingPath("$.location.state").isEqualTo("TX");
		assertThat(Instant.parse(read(fetched, "$.location.confirmedAt"))).isBetween(before, Instant.now());
		assertThat(fetched).bodyJson().extractingPath("$.issues").asArray()
			.containsExactlyInAnyOrder("anxiety", "couples-communication");
		assertThat(fetched).bodyJson().extractingPath("$.preferences.therapistIdentity").asArray()
			.containsExactlyInAnyOrder("queer", "bipoc");
		assertThat(fetched).bodyJson().extractingPath("$.preferences.budgetMax").isEqualTo(120);
	}

	@Test
	void ignoresWhatOnlyTheServerDecides() {
		var body = maya();
		body.put("id", "00000000-0000-0000-0000-000000000001");
		body.put("createdAt", "2001-01-01T00:00:00Z");
		body.put("location", Map.of("state", "TX", "confirmedAt", "2001-01-01T00:00:00Z"));

		var created = api.post("/api/clients", body);

		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(created).bodyJson().extractingPath("$.id").isNotEqualTo("00000000-0000-0000-0000-000000000001");
		assertThat(Instant.parse(read(created, "$.createdAt"))).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(Instant.parse(read(created, "$.location.confirmedAt"))).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
	}

	@Test
	void takesAnUnsaidSafeContactFlagAsNotSafe() {
		var body = maya();
		String number = uniquePhone();
		body.put("phones", List.of(Map.of("phone", number)));

		var created = api.post("/api/clients", body);

		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(created).bodyJson().extractingPath("$.phones[0]").isEqualTo(Map.of("phone", number,
				"okToCall", false, "okToText", false, "okToLeaveDetailedVoicemail", false));
	}

	@Test
	void updatesAClientWithoutPassingOffTheOldLocationAsNewlyConfirmed() {
		var body = maya();
		UUID id = api.register(body);
		String confirmedAt = read(api.get("/api/clients/{id}", id), "$.location.confirmedAt");
		String newNumber = uniquePhone();
		body.put("name", "Maya O. Okafor");
		body.put("phones", List.of(phone(newNumber, "work", false, true, false)));
		body.put("issues", List.of("Grief"));

		var updated = api.put("/api/clients/{id}", body, id);

		assertThat(updated).hasStatusOk();
		var fetched = api.get("/api/clients/{id}", id);
		assertThat(ClientsApi.body(fetched)).isEqualTo(ClientsApi.body(updated));
		assertThat(fetched).bodyJson().extractingPath("$.name").isEqualTo("Maya O. Okafor");
		assertThat(fetched).bodyJson().extractingPath("$.phones[*].phone").asArray().containsExactly(newNumber);
		assertThat(fetched).bodyJson().extractingPath("$.issues").asArray().containsExactly("grief");
		assertThat(fetched).bodyJson().extractingPath("$.location.confirmedAt").isEqualTo(confirmedAt);
		assertThat(events.stream(ClientSaved.class)).containsExactly(new ClientSaved(id), new ClientSaved(id));
	}

	@Test
	void confirmsTheCurrentLocationWithTheServersTime() {
		UUID id = api.register(maya());
		Instant before = Instant.now();

		var confirmed = api.put("/api/clients/{id}/location", Map.of("state", "nm"), id);

		assertThat(confirmed).hasStatusOk();
		assertThat(confirmed).bodyJson().extractingPath("$.state").isEqualTo("NM");
		Instant confirmedAt = Instant.parse(read(confirmed, "$.confirmedAt"));
		assertThat(confirmedAt).isBetween(before, Instant.now());
		assertThat(records.find(id).orElseThrow().location())
			.isEqualTo(new CurrentLocation(org.tandem.core.UsState.NM, confirmedAt));
	}

	@Test
	void findsBothPartnersWhoShareALandlineByCallerId() {
		String landline = uniquePhone();
		UUID alex = api.register(ClientFixtures.client("Alex Rivera", phone(landline, "home", true, false, false)));
		UUID sam = api.register(ClientFixtures.client("Sam Rivera", phone(landline, "home", false, false, false)));
		api.register(maya());

		var found = api.get("/api/clients?phone={phone}", landline);

		assertThat(found).hasStatusOk();
		assertThat(found).bodyJson().extractingPath("$[*].id").asArray()
			.containsExactlyInAnyOrder(alex.toString(), sam.toString());
		assertThat(records.findByPhone(new PhoneNumber(landline))).extracting(Client::id).containsExactly(sam, alex);
	}

	@Test
	void findsANumberWhateverWayTheCallerIdIsTyped() {
		UUID id = api.register(ClientFixtures.client("Jordan Lee", phone("+15125550142", "cell", true, true, false)));

		var found = api.get("/api/clients?phone={phone}", "(512) 555-0142");

		assertThat(found).hasStatusOk();
		assertThat(found).bodyJson().extractingPath("$[*].id").asArray().contains(id.toString());
	}

	@Test
	void findsNobodyForANumberNoClientHas() {
		assertThat(api.get("/api/clients?phone={phone}", uniquePhone())).hasStatusOk().bodyJson().isEqualTo("[]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/clients?phone=555-01", "/api/clients?phone=", "/api/clients" })
	void refusesACallerIdLookupWithoutAValidNumber(String uri) {
		var result = api.get(uri);

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field").isEqualTo("phone");
	}

	static Stream<Arguments> badClients() {
		return Stream.of(
				arguments("phones[0].phone", change(c -> phones(c).get(0).put("phone", "(512) 555-01"))),
				arguments("phones[1].phone", change(c -> phones(c).add(phone("call me maybe", null, true, true, true)))),
				arguments("phones[1].phone", change(c -> phones(c).add(phones(c).get(0)))),
				arguments("location.state", change(c -> c.put("location", Map.of("state", "Texas")))),
				arguments("location.state", change(c -> c.put("location", Map.of()))),
				arguments("language", change(c -> c.put("language", "klingon"))),
				arguments("name", change(c -> c.put("name", "  "))),
				arguments("name", change(c -> c.remove("name"))),
				arguments("email", change(c -> c.put("email", "maya at example.org"))),
				arguments("issues", change(c -> c.put("issues", List.of("#!?")))),
				arguments("preferences.therapistIdentity",
						change(c -> preferences(c).put("therapistIdentity", List.of("")))),
				arguments("preferences.modalities", change(c -> preferences(c).put("modalities", List.of("*")))),
				arguments("preferences.budgetMax", change(c -> preferences(c).put("budgetMax", -40))),
				arguments("preferences.formats[0]", change(c -> preferences(c).put("formats", List.of("TELEPATHY")))),
				arguments("populations[0]", change(c -> c.put("populations", List.of("ALIENS")))),
				arguments("ownTherapistId", change(c -> c.put("ownTherapistId", "dr-who"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badClients")
	void refusesToRegisterBadInputNamingTheFieldAndStoresNothing(String field, Consumer<Map<String, Object>> change) {
		var body = maya();
		change.accept(body);
		var rowsBefore = api.rowCounts();

		var result = api.post("/api/clients", body);

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field").isEqualTo(field);
		assertThat(api.rowCounts()).isEqualTo(rowsBefore);
		assertThat(events.stream(ClientSaved.class)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badClients")
	void refusesToUpdateWithBadInputNamingTheFieldAndChangesNothing(String field, Consumer<Map<String, Object>> change) {
		var body = maya();
		UUID id = api.register(body);
		String stored = ClientsApi.body(api.get("/api/clients/{id}", id));
		change.accept(body);
		var rowsBefore = api.rowCounts();

		var result = api.put("/api/clients/{id}", body, id);

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field").isEqualTo(field);
		assertThat(api.rowCounts()).isEqualTo(rowsBefore);
		assertThat(ClientsApi.body(api.get("/api/clients/{id}", id))).isEqualTo(stored);
	}

	@Test
	void refusesALocationThatIsNoStateAndKeepsTheOldOne() {
		UUID id = api.register(maya());
		String stored = ClientsApi.body(api.get("/api/clients/{id}", id));

		var result = api.put("/api/clients/{id}/location", Map.of("state", "ZZ"), id);

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field").isEqualTo("state");
		assertThat(ClientsApi.body(api.get("/api/clients/{id}", id))).isEqualTo(stored);
	}

	@Test
	void answersNotFoundForAClientThatDoesNotExist() {
		UUID nobody = UUID.randomUUID();

		assertThat(api.get("/api/clients/{id}", nobody)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.put("/api/clients/{id}", maya(), nobody)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.put("/api/clients/{id}/location", Map.of("state", "TX"), nobody)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.get("/api/clients/{id}/couple", nobody)).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void namesTheIdWhenItIsNoUuid() {
		assertThat(api.get("/api/clients/{id}", "maya")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.field").isEqualTo("id");
	}

	@Test
	void answersOnlyTheAdministrator() {
		UUID id = api.register(maya());

		assertThat(mvc.get().uri("/api/clients/{id}", id)).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/clients?phone={phone}", "(512) 555-0142")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.post().uri("/api/clients").contentType("application/json").content("{\"name\":\"Eve\"}"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/clients/{id}", id).header(HttpHeaders.AUTHORIZATION,
				"Basic " + HttpHeaders.encodeBasicAuth("admin", "guess", java.nio.charset.StandardCharsets.UTF_8)))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	private static Consumer<Map<String, Object>> change(Consumer<Map<String, Object>> change) {
		return change;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> phones(Map<String, Object> client) {
		return (List<Map<String, Object>>) client.get("phones");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> preferences(Map<String, Object> client) {
		return (Map<String, Object>) client.get("preferences");
	}
}
