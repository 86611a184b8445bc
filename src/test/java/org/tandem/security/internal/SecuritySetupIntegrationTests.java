package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.security.internal.Browser.html;
import static org.tandem.security.internal.Browser.redirect;
import static org.tandem.security.internal.SecurityFixtures.form;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A production start with no administrator password configured and nobody to sign in: the log shows a
 * one-time token, and {@code /setup} exchanges it for the first administrator.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = { "tandem.security.admin-password=", "tandem.security.require-admin-totp=true" },
		webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SecuritySetupIntegrationTests {

	private static final Pattern TOKEN = Pattern.compile("one-time setup token to create the first administrator: (\\S+)");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	/** Over a real connection, since the cookie's attributes are the servlet container's doing. */
	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteAndNotSecureOverPlainHttp() throws Exception {
		var response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement()
			.satisfies(cookie -> assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
				.doesNotContainIgnoringCase("Secure;").doesNotEndWith("Secure"));
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
	}

	@Test
	void theLoggedTokenCreatesTheFirstAdministratorOnce(CapturedOutput output) {
		var matcher = TOKEN.matcher(output.getAll());
		assertThat(matcher.find()).as("the start logs a setup token").isTrue();
		String token = matcher.group(1);
		assertThat(jdbc.sql("select count(*) from users").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select token_hash from setup_tokens").query(String.class).list()).singleElement()
			.satisfies(stored -> assertThat(stored).hasSize(64).isNotEqualTo(token));
		var browser = new Browser(mvc);

		var wrongToken = browser.submit("/setup", "/setup", form("token", "not-the-token", "username", "ada",
				"password", "ada-password-12", "confirmation", "ada-password-12"));
		assertThat(wrongToken).hasStatusOk();
		assertThat(html(wrongToken)).contains("this setup token is not valid");
		var shortPassword = browser.submit("/setup", "/setup", form("token", token, "username", "ada",
				"password", "short", "confirmation", "short"));
		assertThat(html(shortPassword)).contains("a password is 12 to 128 characters long");
		assertThat(jdbc.sql("select count(*) from users").query(Integer.class).single()).isZero();

		var created = browser.submit("/setup", "/setup", form("token", token, "username", "ada",
				"password", "ada-password-12", "confirmation", "ada-password-12"));

		assertThat(redirect(created)).isEqualTo("/login?setup");
		assertThat(jdbc.sql("select array_to_string(roles, ',') from users where username = 'ada'").query(String.class)
			.single()).isEqualTo("ADMIN");
		assertThat(mvc.get().uri("/setup").exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(jdbc.sql("select action || ' ' || outcome from audit_events where action = 'setup.complete' order by seq")
			.query(String.class).list()).containsExactly("setup.complete DENIED", "setup.complete SUCCESS");
		assertThat(redirect(browser.signIn("ada", "ada-password-12"))).isEqualTo("/account/totp");
		assertThat(output.getAll()).doesNotContain("ada-password-12");
	}
}
