package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.desk.DeskFixtures.PASSWORD;
import static org.tandem.desk.DeskFixtures.unique;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.UsState;
import org.tandem.desk.DeskFixtures;
import org.tandem.support.HeadlessChromium;

/**
 * Automatic logoff on the server: a page left alone past the session's idle timeout (one minute here, the
 * shortest Tomcat keeps) sends its user to the login page at the next click, and the old session cookie no
 * longer opens the desktop's endpoints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "server.servlet.session.timeout=1m")
@ActiveProfiles("test")
class SessionExpiryE2ETests {

	static final Duration TIMEOUT = Duration.ofMinutes(1);

	@LocalServerPort
	int port;

	@RegisterExtension
	final DeskFixtures fixtures = new DeskFixtures();

	HeadlessChromium chromium;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void setUp() {
		chromium = new HeadlessChromium();
	}

	@AfterEach
	void tearDown() {
		chromium.close();
	}

	@Test
	void aPageLeftIdlePastTheTimeoutSignsItsUserOutAtTheNextClickAndTheOldCookieIsDead() throws Exception {
		String name = unique("ida");
		fixtures.therapist(name, UsState.IL);
		String base = "http://localhost:" + port;
		var driver = chromium.driver();
		chromium.signIn(base, name, PASSWORD);
		String cookie = driver.manage().getCookieNamed("JSESSIONID").getValue();
		assertThat(deskState(cookie).statusCode()).as("the cookie works while the session lives").isEqualTo(200);

		idle(TIMEOUT.plusSeconds(3));
		driver.findElement(By.linkText("Open the agent desktop")).click();

		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base + "/login"));
		assertThat(driver.findElement(By.id("username")).isDisplayed()).isTrue();
		var stale = deskState(cookie);
		assertThat(stale.statusCode()).isEqualTo(302);
		assertThat(stale.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	private HttpResponse<String> deskState(String sessionId) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/desk/state"))
			.header("Cookie", "JSESSIONID=" + sessionId)
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Nobody touches the page: no request reaches the server for this long. */
	private static void idle(Duration duration) throws InterruptedException {
		Thread.sleep(duration.toMillis());
	}
}
