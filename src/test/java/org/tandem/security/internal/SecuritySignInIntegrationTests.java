package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.security.internal.Browser.html;
import static org.tandem.security.internal.Browser.redirect;
import static org.tandem.security.internal.SecurityFixtures.basic;
import static org.tandem.security.internal.SecurityFixtures.form;
import static org.tandem.security.internal.SecurityFixtures.read;
import static org.tandem.security.internal.SecurityFixtures.uniqueName;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tandem.security.AccountLocked;
import org.tandem.security.LoginFailed;
import org.tandem.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/** Signing in through the browser: password, lockout, the TOTP step, CSRF and the session. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(SecurityClock.class)
@RecordApplicationEvents
class SecuritySignInIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEvents events;

	SecurityFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new SecurityFixtures(mvc, json);
	}

	@Test
	void signsInWithTheRightPasswordUnderANewSessionId() {
		String name = uniqueName("fran");
		fixtures.createUser(name, "fran-password-1", "FRONT_DESK", null);
		var browser = new Browser(mvc);
		assertThat(browser.get("/login")).hasStatusOk();
		String before = browser.sessionId();

		var signedIn = browser.post("/login", form("username", name, "password", "fran-password-1"), csrfOf(browser));

		assertThat(redirect(signedIn)).isEqualTo("/");
		assertThat(browser.sessionId()).isNotEqualTo(before);
		var home = browser.get("/");
		assertThat(home).hasStatusOk();
		assertThat(html(home)).contains(name).contains("FRONT_DESK");
		assertThat(auditActions(name)).contains("login.success");
	}

	@Test
	void refusesAWrongPasswordAndAnUnknownUser() {
		String name = uniqueName("fran");
		fixtures.createUser(name, "fran-password-1", "FRONT_DESK", null);
		var browser = new Browser(mvc);

		assertThat(redirect(browser.signIn(name, "not-the-password"))).isEqualTo("/login?error");
		assertThat(redirect(browser.signIn("nobody-" + name, "whatever-it-is"))).isEqualTo("/login?error");

		assertThat(redirect(browser.get("/"))).endsWith("/login");
		assertThat(html(browser.get("/login?error"))).contains("Sign-in failed");
		assertThat(auditActions(name)).containsExactly("login.failure");
		assertThat(auditActions("nobody-" + name)).containsExactly("login.failure");
		assertThat(events.stream(LoginFailed.class).filter(e -> e.username().equals(name))).hasSize(1);
	}

	@Test
	void refusesAFormSentWithoutItsCsrfToken() {
		String name = uniqueName("fran");
		fixtures.createUser(name, "fran-password-1", "FRONT_DESK", null);
		var browser = new Browser(mvc);
		browser.get("/login");

		var forged = browser.post("/login", form("username", name, "password", "fran-password-1"), null);

		assertThat(forged).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(redirect(browser.get("/"))).endsWith("/login");
		assertThat(redirect(browser.signIn(name, "fran-password-1"))).isEqualTo("/");
		assertThat(browser.post("/logout", Map.of(), null)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(browser.get("/")).hasStatusOk();
	}

	@Test
	void signsOut() {
		String name = uniqueName("fran");
		fixtures.createUser(name, "fran-password-1", "FRONT_DESK", null);
		var browser = new Browser(mvc);
		browser.signIn(name, "fran-password-1");

		var out = browser.submit("/", "/logout", Map.of());

		assertThat(redirect(out)).isEqualTo("/login?logout");
		assertThat(redirect(browser.get("/"))).endsWith("/login");
		assertThat(auditActions(name)).containsExactly("login.success", "logout");
	}

	@Test
	void locksTheAccountAfterFiveFailuresInFifteenMinutesAndAuditsIt() {
		String name = uniqueName("lou");
		UUID id = fixtures.createUser(name, "lou-password-12", "FRONT_DESK", null);
		var browser = new Browser(mvc);
		for (int i = 0; i < 4; i++) {
			browser.signIn(name, "wrong-password-" + i);
			clock.advance(Duration.ofMinutes(3));
		}
		assertThat(events.stream(AccountLocked.class)).noneMatch(e -> e.username().equals(name));

		browser.signIn(name, "wrong-password-4");

		assertThat(events.stream(AccountLocked.class)).filteredOn(e -> e.username().equals(name)).singleElement()
			.satisfies(locked -> assertThat(locked.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15))));
		assertThat(jdbc.sql("select count(*) from audit_events where action = 'account.locked' and target_id = :id")
			.param("id", id.toString()).query(Integer.class).single()).isOne();
		assertThat(redirect(browser.signIn(name, "lou-password-12"))).isEqualTo("/login?error");
		assertThat(fixtures.get("/api/me", basic(name, "lou-password-12"))).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(jdbc.sql("""
				select count(*) from audit_events
				where actor = :name and action = 'login.failure' and outcome = 'DENIED' and details ->> 'reason' = 'locked'""")
			.param("name", name).query(Integer.class).single()).isEqualTo(2);

		clock.advance(Duration.ofMinutes(15).plusSeconds(1));

		assertThat(redirect(browser.signIn(name, "lou-password-12"))).isEqualTo("/");
	}

	@Test
	void forgetsFailuresOlderThanTheWindow() {
		String name = uniqueName("lou");
		fixtures.createUser(name, "lou-password-12", "FRONT_DESK", null);
		var browser = new Browser(mvc);
		for (int i = 0; i < 4; i++) {
			browser.signIn(name, "wrong-password-" + i);
		}
		clock.advance(Duration.ofMinutes(16));

		browser.signIn(name, "wrong-password-4");

		assertThat(events.stream(AccountLocked.class)).noneMatch(e -> e.username().equals(name));
		assertThat(redirect(browser.signIn(name, "lou-password-12"))).isEqualTo("/");
	}

	@Test
	void asksForTheAuthenticatorCodeAfterThePasswordAndAcceptsOnlyACurrentUnusedOne() {
		String name = uniqueName("tess");
		fixtures.createUser(name, "tess-password-1", "FRONT_DESK", null);
		String auth = basic(name, "tess-password-1");
		var enrolment = fixtures.post("/api/me/totp", Map.of(), auth);
		assertThat(enrolment).hasStatusOk();
		String secret = read(enrolment, "$.secret");
		assertThat((String) read(enrolment, "$.uri")).startsWith("otpauth://totp/Tandem%3A" + name + "?secret=" + secret);
		byte[] key = Base32.decode(secret);
		String enrolCode = code(key, 0);
		assertThat(fixtures.post("/api/me/totp/confirm", Map.of("code", enrolCode), auth)).hasStatusOk()
			.bodyJson().extractingPath("$.secondFactor").isEqualTo(true);

		var browser = new Browser(mvc);
		assertThat(redirect(browser.signIn(name, "tess-password-1"))).isEqualTo("/login/totp");
		assertThat(redirect(browser.get("/"))).as("not signed in before the code").endsWith("/login");

		assertThat(redirect(submitCode(browser, wrong(key)))).isEqualTo("/login/totp?error");
		assertThat(redirect(submitCode(browser, enrolCode))).as("a code is used once").isEqualTo("/login/totp?error");
		assertThat(redirect(submitCode(browser, code(key, 2)))).as("two steps ahead").isEqualTo("/login/totp?error");
		String before = browser.sessionId();
		clock.advance(Duration.ofSeconds(30));

		assertThat(redirect(submitCode(browser, code(key, 0)))).isEqualTo("/");
		assertThat(browser.sessionId()).isNotEqualTo(before);
		assertThat(html(browser.get("/"))).contains(name).contains("Authenticator enrolled");
		assertThat(jdbc.sql("select details ->> 'factor' from audit_events where actor = :name and action = 'login.success'")
			.param("name", name).query(String.class).list()).containsExactly("password+totp");
	}

	@Test
	void wrongCodesCountTowardsTheLockout() {
		String name = uniqueName("tess");
		fixtures.createUser(name, "tess-password-1", "FRONT_DESK", null);
		String auth = basic(name, "tess-password-1");
		byte[] key = Base32.decode(read(fixtures.post("/api/me/totp", Map.of(), auth), "$.secret"));
		fixtures.post("/api/me/totp/confirm", Map.of("code", code(key, 0)), auth);
		clock.advance(Duration.ofSeconds(30));
		var browser = new Browser(mvc);
		browser.signIn(name, "tess-password-1");

		for (int i = 0; i < 4; i++) {
			assertThat(redirect(submitCode(browser, wrong(key)))).isEqualTo("/login/totp?error");
		}
		assertThat(redirect(submitCode(browser, wrong(key)))).isEqualTo("/login?error");

		assertThat(events.stream(AccountLocked.class)).anyMatch(e -> e.username().equals(name));
		assertThat(redirect(browser.signIn(name, "tess-password-1"))).isEqualTo("/login?error");
	}

	private MvcTestResult submitCode(Browser browser, String code) {
		return browser.submit("/login/totp", "/login/totp", Map.of("code", code));
	}

	private String code(byte[] key, int stepsFromNow) {
		return Totp.code(key, Totp.step(clock.instant()) + stepsFromNow, 6);
	}

	/** A six-digit code that is none of those accepted around now. */
	private String wrong(byte[] key) {
		var valid = List.of(code(key, -1), code(key, 0), code(key, 1));
		for (int n = 0;; n++) {
			String candidate = String.format("%06d", n);
			if (!valid.contains(candidate)) {
				return candidate;
			}
		}
	}

	private String csrfOf(Browser browser) {
		var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html(browser.get("/login")));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private List<String> auditActions(String actor) {
		return jdbc.sql("select action from audit_events where actor = :actor order by seq").param("actor", actor)
			.query(String.class).list();
	}
}
