package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.security.internal.Browser.redirect;
import static org.tandem.security.internal.SecurityFixtures.ADMIN;
import static org.tandem.security.internal.SecurityFixtures.basic;
import static org.tandem.security.internal.SecurityFixtures.uniqueName;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRegistration;
import org.tandem.security.AccountLocked;
import org.tandem.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/** HTTP Basic on the API asks for the same second factor as the browser, in the X-Tandem-Totp header. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(SecurityClock.class)
@RecordApplicationEvents
class SecurityApiSecondFactorIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

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
	void anEnrolledTherapistSendsTheirCurrentCodeWithThePasswordAndEachCodeWorksOnce() {
		String name = uniqueName("thea");
		String auth = therapist(name);
		Authenticator phone = fixtures.enrol(auth, clock);
		clock.advance(Duration.ofSeconds(30));

		var withoutCode = fixtures.get("/api/me", auth);
		assertThat(withoutCode).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(withoutCode).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(withoutCode).bodyJson().extractingPath("$.detail").asString()
			.startsWith("this account needs its authenticator code in X-Tandem-Totp");
		assertThat(withoutCode).bodyJson().extractingPath("$.type").isEqualTo("urn:tandem:problem:second-factor");
		assertThat(withoutCode.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

		String code = phone.code();
		assertThat(fixtures.get("/api/me", auth, code)).hasStatusOk().bodyJson().extractingPath("$.username")
			.isEqualTo(name);
		var replayed = fixtures.get("/api/me", auth, code);
		assertThat(replayed).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(replayed).bodyJson().extractingPath("$.detail").asString().contains("already used");

		clock.advance(Duration.ofSeconds(30));
		assertThat(fixtures.get("/api/me", auth, phone.code())).hasStatusOk();
		assertThat(failureReasons(name)).containsExactly("totp-missing", "bad-code");
	}

	@Test
	void wrongOrMissingCodesCountTowardsTheLockoutLikeWrongPasswords() {
		String name = uniqueName("thea");
		String auth = therapist(name);
		Authenticator phone = fixtures.enrol(auth, clock);
		clock.advance(Duration.ofSeconds(30));

		for (int i = 0; i < 4; i++) {
			var wrong = fixtures.get("/api/me", auth, phone.wrongCode());
			assertThat(wrong).hasStatus(HttpStatus.UNAUTHORIZED);
			assertThat(wrong).bodyJson().extractingPath("$.detail").asString().contains("is not the current one");
		}
		assertThat(events.stream(AccountLocked.class)).noneMatch(locked -> locked.username().equals(name));
		assertThat(fixtures.get("/api/me", auth)).hasStatus(HttpStatus.UNAUTHORIZED);

		assertThat(events.stream(AccountLocked.class)).filteredOn(locked -> locked.username().equals(name)).hasSize(1);
		var locked = fixtures.get("/api/me", auth, phone.code());
		assertThat(locked).as("the right password and code while locked").hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(locked).bodyJson().extractingPath("$.detail").asString()
			.isEqualTo("the user name or password is wrong, or the account is locked or disabled");
		assertThat(failureReasons(name)).containsExactly("bad-code", "bad-code", "bad-code", "bad-code", "totp-missing",
				"locked");
		assertThat(jdbc.sql("select count(*) from audit_events where action = 'account.locked' and details ->> 'username' = :name")
			.param("name", name).query(Integer.class).single()).isOne();
	}

	@Test
	void theRightPasswordDoesNotForgiveWrongCodesBeforeTheCodeIsRight() {
		String name = uniqueName("tess");
		fixtures.createUser(name, "tess-password-1", "FRONT_DESK", null);
		Authenticator phone = fixtures.enrol(basic(name, "tess-password-1"), clock);
		clock.advance(Duration.ofSeconds(30));
		var browser = new Browser(mvc);
		browser.signIn(name, "tess-password-1");
		for (int i = 0; i < 4; i++) {
			browser.submit("/login/totp", "/login/totp", Map.of("code", phone.wrongCode()));
		}

		assertThat(redirect(new Browser(mvc).signIn(name, "tess-password-1"))).isEqualTo("/login/totp");
		assertThat(fixtures.get("/api/me", basic(name, "tess-password-1"), phone.wrongCode()))
			.hasStatus(HttpStatus.UNAUTHORIZED);

		assertThat(events.stream(AccountLocked.class)).anyMatch(locked -> locked.username().equals(name));
	}

	@Test
	void aCodeSpentInTheBrowserIsRefusedOnTheApi() {
		String name = uniqueName("tess");
		fixtures.createUser(name, "tess-password-1", "FRONT_DESK", null);
		String auth = basic(name, "tess-password-1");
		Authenticator phone = fixtures.enrol(auth, clock);
		clock.advance(Duration.ofSeconds(30));
		var browser = new Browser(mvc);
		browser.signIn(name, "tess-password-1");
		String code = phone.code();

		assertThat(redirect(browser.submit("/login/totp", "/login/totp", Map.of("code", code)))).isEqualTo("/");

		assertThat(fixtures.get("/api/me", auth, code)).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aUserWithoutAnAuthenticatorKeepsSigningInWithThePasswordAlone() {
		String name = uniqueName("fran");
		fixtures.createUser(name, "fran-password-1", "FRONT_DESK", null);

		assertThat(fixtures.get("/api/me", basic(name, "fran-password-1"))).hasStatusOk();
		assertThat(fixtures.get("/api/me", basic(name, "fran-password-1"), "123456")).as("a code nobody asked for")
			.hasStatusOk();
		assertThat(fixtures.get("/api/users", ADMIN)).as("an administrator when authenticators are not required")
			.hasStatusOk();
		var wrongPassword = fixtures.get("/api/me", basic(name, "not-the-password"));
		assertThat(wrongPassword).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(wrongPassword).bodyJson().extractingPath("$.type").isEqualTo("urn:tandem:problem:unauthorized");
		assertThat(mvc.get().uri("/api/me").exchange()).hasStatus(HttpStatus.UNAUTHORIZED).bodyJson()
			.extractingPath("$.detail").asString().contains("HTTP Basic");
	}

	private String therapist(String name) {
		StaffMember member = staff.add(SecurityFixtures.therapist("Thea " + name));
		fixtures.createUser(name, "thea-password-1", "THERAPIST", member.id());
		return basic(name, "thea-password-1");
	}

	private List<String> failureReasons(String name) {
		return jdbc.sql("""
				select details ->> 'reason' from audit_events where actor = :name and action = 'login.failure'
				order by seq""").param("name", name).query(String.class).list();
	}
}
