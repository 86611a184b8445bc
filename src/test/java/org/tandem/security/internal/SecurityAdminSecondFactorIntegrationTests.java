package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.security.internal.Browser.html;
import static org.tandem.security.internal.Browser.redirect;
import static org.tandem.security.internal.SecurityFixtures.ADMIN;
import static org.tandem.security.internal.SecurityFixtures.basic;
import static org.tandem.security.internal.SecurityFixtures.uniqueName;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
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
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tandem.security.NewUser;
import org.tandem.security.Role;
import org.tandem.security.UserAccounts;
import org.tandem.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * Production's rule that administrators use an authenticator: before anything else in the browser, and with
 * every API request. Users are made through {@link UserAccounts}, since no administrator here may use the API
 * with a password alone.
 */
@SpringBootTest(properties = "tandem.security.require-admin-totp=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(SecurityClock.class)
class SecurityAdminSecondFactorIntegrationTests {

	private static final Pattern SECRET = Pattern.compile("<code>([A-Z2-7]{32})</code>");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	UserAccounts users;

	SecurityFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new SecurityFixtures(mvc, json);
	}

	@Test
	void anAdministratorWithoutAnAuthenticatorMustEnrolOneBeforeAnythingElse() {
		String name = uniqueName("ada");
		users.create(new NewUser(name, "ada-password-12", Set.of(Role.ADMIN), null));
		var browser = new Browser(mvc);

		assertThat(redirect(browser.signIn(name, "ada-password-12"))).isEqualTo("/account/totp");
		assertThat(redirect(browser.get("/"))).isEqualTo("/account/totp");
		var page = browser.get("/account/totp");
		assertThat(page).hasStatusOk();
		var secret = SECRET.matcher(html(page));
		assertThat(secret.find()).isTrue();
		var phone = new Authenticator(Base32.decode(secret.group(1)), clock);

		assertThat(redirect(browser.submit("/account/totp", "/account/totp", Map.of("code", phone.wrongCode()))))
			.isEqualTo("/account/totp?error");
		var enrolled = browser.submit("/account/totp", "/account/totp", Map.of("code", phone.code()));

		assertThat(redirect(enrolled)).isEqualTo("/?enrolled");
		assertThat(html(browser.get("/"))).contains("ADMIN").contains("Authenticator enrolled");
	}

	@Test
	void theApiRefusesAnAdministratorWhoHasNotEnrolledAndTellsThemToEnrolInTheBrowser() {
		var refused = fixtures.get("/api/users", ADMIN);

		assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(refused).bodyJson().extractingPath("$.detail").asString()
			.contains("sign in in the browser to enrol one first");
		assertThat(fixtures.get("/api/me", ADMIN)).as("not even their own account").hasStatus(HttpStatus.FORBIDDEN);
		assertThat(jdbc.sql("""
				select count(*) from audit_events where actor = 'admin' and action = 'login.failure'
				and outcome = 'DENIED' and details ->> 'reason' = 'totp-not-enrolled'""").query(Integer.class).single())
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void anEnrolledAdministratorUsesTheApiWithTheirCode() {
		String name = uniqueName("ada");
		users.create(new NewUser(name, "ada-password-12", Set.of(Role.ADMIN), null));
		var browser = new Browser(mvc);
		browser.signIn(name, "ada-password-12");
		var secret = SECRET.matcher(html(browser.get("/account/totp")));
		assertThat(secret.find()).isTrue();
		var phone = new Authenticator(Base32.decode(secret.group(1)), clock);
		assertThat(redirect(browser.submit("/account/totp", "/account/totp", Map.of("code", phone.code()))))
			.isEqualTo("/?enrolled");
		clock.advance(Duration.ofSeconds(30));
		String auth = basic(name, "ada-password-12");

		assertThat(fixtures.get("/api/users", auth)).hasStatus(HttpStatus.UNAUTHORIZED).bodyJson()
			.extractingPath("$.detail").asString().startsWith("this account needs its authenticator code in X-Tandem-Totp");
		assertThat(fixtures.get("/api/users", auth, phone.code())).hasStatusOk();
	}

	@Test
	void usersWhoseRolesNeedNoAuthenticatorKeepUsingThePasswordAlone() {
		String name = uniqueName("fran");
		users.create(new NewUser(name, "fran-password-1", Set.of(Role.FRONT_DESK), null));

		assertThat(fixtures.get("/api/me", basic(name, "fran-password-1"))).hasStatusOk();
	}
}
