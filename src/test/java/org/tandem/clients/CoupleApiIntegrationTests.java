package org.tandem.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.clients.ClientFixtures.couple;
import static org.tandem.clients.ClientFixtures.maya;
import static org.tandem.clients.ClientFixtures.phone;
import static org.tandem.clients.ClientFixtures.uniquePhone;
import static org.tandem.clients.ClientsApi.read;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
class CoupleApiIntegrationTests {

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
	void opensACoupleCaseThatEitherPartnerLeadsTo() {
		UUID alex = api.register(maya());
		UUID sam = api.register(maya());

		var created = api.post("/api/couples", couple(alex, sam));

		assertThat(created).hasStatus(HttpStatus.CREATED);
		String id = read(created, "$.id");
		assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/couples/" + id);
		assertThat(events.stream(CoupleSaved.class)).containsExactly(new CoupleSaved(UUID.fromString(id)));
		var fetched = api.get("/api/couples/{id}", id);
		assertThat(ClientsApi.body(fetched)).isEqualTo(ClientsApi.body(created));
		assertThat(fetched).bodyJson().extractingPath("$.issues").asArray().containsExactly("trust-after-an-affair");
		assertThat(fetched).bodyJson().extractingPath("$.populations").asArray()
			.containsExactlyInAnyOrder("LESBIAN_COUPLES", "INTERRACIAL_COUPLES");
		assertThat(fetched).bodyJson().doesNotHavePath("$.closedAt");
		assertThat(ClientsApi.body(api.get("/api/clients/{id}/couple", alex))).isEqualTo(ClientsApi.body(created));
		assertThat(ClientsApi.body(api.get("/api/clients/{id}/couple", sam))).isEqualTo(ClientsApi.body(created));
	}

	@Test
	void keepsEachPartnersOwnSafeContactFlags() {
		String landline = uniquePhone();
		String samsCell = uniquePhone();
		var alexBody = ClientFixtures.client("Alex Rivera", phone(landline, "home", true, true, true));
		var samBody = ClientFixtures.client("Sam Rivera", phone(landline, "home", false, false, false));
		phones(samBody).add(phone(samsCell, "cell", true, true, false));
		UUID alex = api.register(alexBody);
		UUID sam = api.register(samBody);
		UUID couple = api.openCouple(alex, sam);

		var callerId = records.findByPhone(new PhoneNumber(landline));

		assertThat(records.coupleOf(alex)).map(Couple::id).contains(couple);
		assertThat(records.coupleOf(sam)).map(Couple::id).contains(couple);
		assertThat(callerId).extracting(Client::id).containsExactlyInAnyOrder(alex, sam);
		assertThat(records.find(alex).orElseThrow().phones()).containsExactly(
				new ContactPoint(new PhoneNumber(landline), "home", true, true, true));
		assertThat(records.find(sam).orElseThrow().phones()).containsExactly(
				new ContactPoint(new PhoneNumber(landline), "home", false, false, false),
				new ContactPoint(new PhoneNumber(samsCell), "cell", true, true, false));
	}

	@Test
	void refusesAClientWhoIsAlreadyInAnotherOpenCase() {
		UUID alex = api.register(maya());
		UUID sam = api.register(maya());
		UUID jordan = api.register(maya());
		UUID existing = api.openCouple(alex, sam);
		var rowsBefore = api.rowCounts();

		var result = api.post("/api/couples", couple(jordan, sam));

		assertThat(result).hasStatus(HttpStatus.CONFLICT);
		assertThat(api.rowCounts()).isEqualTo(rowsBefore);
		assertThat(records.coupleOf(sam)).map(Couple::id).contains(existing);
		assertThat(records.coupleOf(jordan)).isEmpty();
	}

	@Test
	void refusesACoupleOfOnePersonAndStoresNothing() {
		UUID alex = api.register(maya());
		var rowsBefore = api.rowCounts();

		var result = api.post("/api/couples", couple(alex, alex));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field").isEqualTo("partnerB");
		assertThat(api.rowCounts()).isEqualTo(rowsBefore);
	}

	@Test
	void namesAPartnerWhoIsNoClientAndStoresNothing() {
		UUID alex = api.register(maya());
		var rowsBefore = api.rowCounts();

		assertThat(api.post("/api/couples", couple(UUID.randomUUID(), alex))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.field").isEqualTo("partnerA");
		assertThat(api.post("/api/couples", couple(alex, UUID.randomUUID()))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.field").isEqualTo("partnerB");
		assertThat(api.post("/api/couples", couple(alex, null))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.field").isEqualTo("partnerB");
		assertThat(api.post("/api/couples", couple(alex, "sam"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.field").isEqualTo("partnerB");
		assertThat(api.rowCounts()).isEqualTo(rowsBefore);
		assertThat(events.stream(CoupleSaved.class)).isEmpty();
	}

	@Test
	void mendsACaseLinkedToTheWrongPersonAndFreesThem() {
		UUID alex = api.register(maya());
		UUID wrongSam = api.register(maya());
		UUID sam = api.register(maya());
		UUID id = api.openCouple(alex, wrongSam);
		var body = couple(alex, sam);
		body.put("issues", List.of("Communication", "Parenting"));

		var updated = api.put("/api/couples/{id}", body, id);

		assertThat(updated).hasStatusOk();
		assertThat(ClientsApi.body(api.get("/api/couples/{id}", id))).isEqualTo(ClientsApi.body(updated));
		assertThat(updated).bodyJson().extractingPath("$.partnerB").isEqualTo(sam.toString());
		assertThat(updated).bodyJson().extractingPath("$.issues").asArray()
			.containsExactlyInAnyOrder("communication", "parenting");
		assertThat(records.coupleOf(sam)).map(Couple::id).contains(id);
		assertThat(api.get("/api/clients/{id}/couple", wrongSam)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(events.stream(CoupleSaved.class)).containsExactly(new CoupleSaved(id), new CoupleSaved(id));
	}

	@Test
	void refusesToMoveAPartnerOutOfAnotherOpenCase() {
		UUID alex = api.register(maya());
		UUID sam = api.register(maya());
		UUID jordan = api.register(maya());
		UUID casey = api.register(maya());
		UUID id = api.openCouple(alex, sam);
		api.openCouple(jordan, casey);
		String stored = ClientsApi.body(api.get("/api/couples/{id}", id));
		var rowsBefore = api.rowCounts();

		var result = api.put("/api/couples/{id}", couple(alex, casey), id);

		assertThat(result).hasStatus(HttpStatus.CONFLICT);
		assertThat(ClientsApi.body(api.get("/api/couples/{id}", id))).isEqualTo(stored);
		assertThat(api.rowCounts()).isEqualTo(rowsBefore);
		assertThat(records.coupleOf(sam)).map(Couple::id).contains(id);
	}

	@Test
	void closingACaseFreesBothPartnersForANewOne() {
		UUID alex = api.register(maya());
		UUID sam = api.register(maya());
		UUID jordan = api.register(maya());
		UUID id = api.openCouple(alex, sam);

		var closed = api.post("/api/couples/{id}/close", Map.of(), id);

		assertThat(closed).hasStatusOk().bodyJson().hasPath("$.closedAt");
		assertThat(ClientsApi.body(api.post("/api/couples/{id}/close", Map.of(), id))).isEqualTo(ClientsApi.body(closed));
		assertThat(api.get("/api/clients/{id}/couple", alex)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(records.findCouple(id)).get().extracting(Couple::isOpen).isEqualTo(false);
		assertThat(api.put("/api/couples/{id}", couple(alex, sam), id)).hasStatus(HttpStatus.CONFLICT);
		UUID next = api.openCouple(jordan, alex);
		assertThat(records.coupleOf(alex)).map(Couple::id).contains(next);
	}

	@Test
	void answersNotFoundForACaseThatDoesNotExist() {
		UUID nobody = UUID.randomUUID();
		UUID alex = api.register(maya());

		assertThat(api.get("/api/couples/{id}", nobody)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.put("/api/couples/{id}", couple(alex, UUID.randomUUID()), nobody)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.post("/api/couples/{id}/close", Map.of(), nobody)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(api.get("/api/clients/{id}/couple", alex)).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void answersOnlyTheAdministrator() {
		assertThat(mvc.get().uri("/api/couples/{id}", UUID.randomUUID())).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.post().uri("/api/couples").contentType("application/json").content("{}"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> phones(Map<String, Object> client) {
		return (List<Map<String, Object>>) client.get("phones");
	}
}
