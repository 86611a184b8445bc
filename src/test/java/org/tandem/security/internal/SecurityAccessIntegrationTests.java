package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.security.internal.Browser.html;
import static org.tandem.security.internal.SecurityFixtures.ADMIN;
import static org.tandem.security.internal.SecurityFixtures.basic;
import static org.tandem.security.internal.SecurityFixtures.read;
import static org.tandem.security.internal.SecurityFixtures.uniqueName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tandem.clients.ClientFixtures;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRegistration;
import org.tandem.security.UserCreated;
import tools.jackson.databind.json.JsonMapper;

/** The rules per role on the API, the users API, and the audit entries reads and changes leave behind. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RecordApplicationEvents
class SecurityAccessIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StaffRegistration staff;

	@Autowired
	ApplicationEvents events;

	SecurityFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new SecurityFixtures(mvc, json);
	}

	@Test
	void aTherapistReadsTheirOwnClientButNotAnotherTherapistsAndTheRefusalIsAudited() {
		StaffMember thea = staff.add(SecurityFixtures.therapist("Thea Lindqvist"));
		StaffMember other = staff.add(SecurityFixtures.therapist("Omar Reyes"));
		UUID own = registerClient("Own Client", thea.id());
		UUID notOwn = registerClient("Not Own Client", other.id());
		String name = uniqueName("thea");
		fixtures.createUser(name, "thea-password-1", "THERAPIST", thea.id());
		String auth = basic(name, "thea-password-1");

		assertThat(fixtures.get("/api/clients/" + own, auth)).hasStatusOk();
		var refused = fixtures.get("/api/clients/" + notOwn, auth);

		assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(html(refused)).doesNotContain("Not Own Client");
		assertThat(audit(name, notOwn)).containsExactly("client.read DENIED");
		assertThat(audit(name, own)).containsExactly("client.read SUCCESS");
		assertThat(fixtures.get("/api/clients/" + notOwn + "/couple", auth)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(fixtures.get("/api/clients?phone=+14155550100", auth)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(fixtures.put("/api/clients/" + own, ClientFixtures.maya(), auth)).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void everyReadOfAClientRecordAndEveryChangeIsAudited() {
		var body = ClientFixtures.maya();
		String phone = (String) ((Map<?, ?>) ((List<?>) body.get("phones")).get(0)).get("phone");
		UUID id = registerClient(body);

		fixtures.get("/api/clients/" + id, ADMIN);
		fixtures.get("/api/clients?phone=" + phone, ADMIN);
		body.put("name", "Maya O. Okafor");
		assertThat(fixtures.put("/api/clients/" + id, body, ADMIN)).hasStatusOk();

		assertThat(audit("admin", id)).containsExactly("client.create SUCCESS", "client.read SUCCESS",
				"client.update SUCCESS");
		assertThat(jdbc.sql("""
				select count(*) from audit_events
				where actor = 'admin' and action = 'client.lookup' and details ->> 'phone' = :phone""")
			.param("phone", phone).query(Integer.class).single()).isOne();
	}

	@Test
	void aRefusedChangeStoresNothingButIsAuditedAsAFailure() {
		var body = ClientFixtures.maya();
		body.put("email", "not an address");
		long clients = jdbc.sql("select count(*) from clients").query(Long.class).single();

		assertThat(fixtures.post("/api/clients", body, ADMIN)).hasStatus(HttpStatus.BAD_REQUEST);

		assertThat(jdbc.sql("select count(*) from clients").query(Long.class).single()).isEqualTo(clients);
		assertThat(jdbc.sql("select outcome || ' ' || (details ->> 'status') from audit_events where action = 'client.create' order by seq desc limit 1")
			.query(String.class).single()).isEqualTo("FAILURE 400");
	}

	@Test
	void aSupervisorReadsEverythingButChangesNoConfiguration() {
		String name = uniqueName("sue");
		fixtures.createUser(name, "sue-password-12", "SUPERVISOR", null);
		String auth = basic(name, "sue-password-12");
		UUID client = registerClient("Read By Supervisor", null);

		assertThat(fixtures.get("/api/staff", auth)).hasStatusOk();
		assertThat(fixtures.get("/api/clients/" + client, auth)).hasStatusOk();
		assertThat(fixtures.get("/api/audit?actor=" + name, auth)).hasStatusOk();
		assertThat(fixtures.post("/api/staff", Map.of("name", "Someone"), auth)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(fixtures.put("/api/clients/" + client, ClientFixtures.maya(), auth)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(fixtures.get("/api/users", auth)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(fixtures.get("/api/audit/verify", auth)).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theFrontDeskKeepsContactDetailsButNeverReadsClinicalNotes() {
		String name = uniqueName("fran");
		fixtures.createUser(name, "fran-password-1", "FRONT_DESK", null);
		String auth = basic(name, "fran-password-1");
		UUID client = registerClient("Front Desk Client", null);

		assertThat(fixtures.get("/api/clients/" + client, auth)).hasStatusOk();
		assertThat(fixtures.put("/api/clients/" + client + "/location", Map.of("state", "CA"), auth)).hasStatusOk();
		assertThat(fixtures.get("/api/clients/" + client + "/notes", auth)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(fixtures.post("/api/users", Map.of(), auth)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(fixtures.post("/api/staff", Map.of(), auth)).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void anAdministratorCreatesListsChangesDisablesAndResetsUsers() {
		String name = uniqueName("una");
		UUID id = fixtures.createUser(name, "una-password-12", "FRONT_DESK", null);
		assertThat(events.stream(UserCreated.class)).anyMatch(e -> e.userId().equals(id) && e.username().equals(name));
		assertThat(fixtures.get("/api/users", ADMIN)).hasStatusOk().bodyJson().extractingPath("$[*].username").asArray()
			.contains(name);

		assertThat(fixtures.put("/api/users/" + id + "/roles", Map.of("roles", List.of("SUPERVISOR", "FRONT_DESK")), ADMIN))
			.hasStatusOk().bodyJson().extractingPath("$.roles").asArray().containsExactlyInAnyOrder("SUPERVISOR", "FRONT_DESK");
		assertThat(fixtures.get("/api/audit/verify", basic(name, "una-password-12"))).hasStatus(HttpStatus.FORBIDDEN);

		assertThat(fixtures.post("/api/users/" + id + "/disable", Map.of(), ADMIN)).hasStatusOk();
		assertThat(fixtures.get("/api/me", basic(name, "una-password-12"))).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(fixtures.post("/api/users/" + id + "/enable", Map.of(), ADMIN)).hasStatusOk();

		assertThat(fixtures.put("/api/users/" + id + "/password", Map.of("password", "a-new-password-1"), ADMIN)).hasStatusOk();
		assertThat(fixtures.get("/api/me", basic(name, "una-password-12"))).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(fixtures.get("/api/me", basic(name, "a-new-password-1"))).hasStatusOk();

		assertThat(jdbc.sql("select action from audit_events where target_type = 'user' and target_id = :id and actor = 'admin' order by seq")
			.param("id", id.toString()).query(String.class).list())
			.containsExactly("user.create", "user.roles.change", "user.disable", "user.enable", "user.password.reset");
		assertThat(jdbc.sql("select password_hash from users where id = :id").param("id", id).query(String.class).single())
			.startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
	}

	@Test
	void refusesUsersThatBreakTheRules() {
		String name = uniqueName("ray");
		var body = new LinkedHashMap<String, Object>(Map.of("username", name, "password", "short", "roles", List.of("FRONT_DESK")));
		assertThat(fixtures.post("/api/users", body, ADMIN)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.field").isEqualTo("password");
		body.put("password", "long-enough-password");
		body.put("roles", List.of("THERAPIST"));
		assertThat(fixtures.post("/api/users", body, ADMIN)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.field").isEqualTo("staffId");
		body.put("staffId", UUID.randomUUID());
		assertThat(fixtures.post("/api/users", body, ADMIN)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.field").isEqualTo("staffId");
		body.put("username", "Not A Name!");
		body.put("roles", List.of("FRONT_DESK"));
		body.remove("staffId");
		assertThat(fixtures.post("/api/users", body, ADMIN)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.field").isEqualTo("username");
		body.put("username", "admin");
		assertThat(fixtures.post("/api/users", body, ADMIN)).hasStatus(HttpStatus.CONFLICT);
		assertThat(jdbc.sql("select count(*) from users where username = :name").param("name", name).query(Integer.class)
			.single()).isZero();
	}

	@Test
	void keepsTheLastAdministrator() {
		UUID admin = jdbc.sql("select id from users where username = 'admin'").query(UUID.class).single();
		List<UUID> others = jdbc.sql("select id from users where username <> 'admin' and enabled and 'ADMIN' = any(roles)")
			.query(UUID.class).list();
		others.forEach(other -> fixtures.post("/api/users/" + other + "/disable", Map.of(), ADMIN));

		assertThat(fixtures.post("/api/users/" + admin + "/disable", Map.of(), ADMIN)).hasStatus(HttpStatus.CONFLICT);
		assertThat(fixtures.put("/api/users/" + admin + "/roles", Map.of("roles", List.of("SUPERVISOR")), ADMIN))
			.hasStatus(HttpStatus.CONFLICT);
		others.forEach(other -> fixtures.post("/api/users/" + other + "/enable", Map.of(), ADMIN));
	}

	@Test
	void rendersAStaffNameAsTextNeverAsMarkup() {
		StaffMember odd = staff.add(SecurityFixtures.therapist("<script>alert(1)</script>"));
		String name = uniqueName("odd");
		fixtures.createUser(name, "odd-password-12", "THERAPIST", odd.id());
		var browser = new Browser(mvc);
		browser.signIn(name, "odd-password-12");

		String page = html(browser.get("/"));

		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
	}

	@Test
	void theSetupPageIsGoneOnceSomeoneCanSignIn() {
		assertThat(mvc.get().uri("/setup").exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

	private UUID registerClient(String name, UUID ownTherapist) {
		var body = ClientFixtures.maya();
		body.put("name", name);
		body.put("ownTherapistId", ownTherapist);
		return registerClient(body);
	}

	private UUID registerClient(Map<String, Object> body) {
		var created = fixtures.post("/api/clients", body, ADMIN);
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return UUID.fromString(read(created, "$.id"));
	}

	private List<String> audit(String actor, UUID target) {
		return jdbc.sql("select action || ' ' || outcome from audit_events where actor = :actor and target_id = :target order by seq")
			.param("actor", actor).param("target", target.toString()).query(String.class).list();
	}
}
