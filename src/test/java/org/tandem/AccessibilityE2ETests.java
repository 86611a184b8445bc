package org.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.UsState;
import org.tandem.desk.DeskBrowser;
import org.tandem.desk.DeskFixtures;
import org.tandem.support.Accessibility;
import org.tandem.support.AdminApi;
import org.tandem.support.HeadlessChromium;
import org.tandem.support.MorningClock;

/**
 * Every screen people work in passes WCAG 2.1 A and AA as far as a rules engine can tell (contrast, labels,
 * accessible names, document language, landmarks), at the 1280×800 of a small laptop: the sign-in page, the
 * desktop with an offer on it, the wallboard and the administrator's pages.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tandem.security.require-admin-totp=false")
@ActiveProfiles("test")
@Import(MorningClock.class)
class AccessibilityE2ETests {

	@LocalServerPort
	int port;

	@RegisterExtension
	final DeskFixtures fixtures = new DeskFixtures();

	@Test
	void theSignInPageTheWallboardAndTheAdministratorsPages() {
		String base = "http://localhost:" + port;
		try (var chromium = new HeadlessChromium()) {
			var driver = chromium.driver();
			driver.get(base + "/login");
			assertThat(Accessibility.violations(driver)).as("/login").isEmpty();

			chromium.signIn(base, "admin", AdminApi.PASSWORD);
			for (String page : List.of("/admin", "/admin/staff", "/admin/queues", "/admin/flows", "/admin/crisis",
					"/admin/users", "/admin/hours", "/wallboard/displays")) {
				driver.get(base + page);
				assertThat(Accessibility.violations(driver)).as(page).isEmpty();
			}
			driver.get(base + "/wallboard");
			new WebDriverWait(driver, Duration.ofSeconds(15))
				.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));
			assertThat(Accessibility.violations(driver)).as("/wallboard").isEmpty();
		}
	}

	@Test
	void theDesktopWithAnOfferOnIt() {
		String name = DeskFixtures.unique("axe");
		fixtures.therapist(name, UsState.IL);
		String queue = DeskFixtures.unique("axe");
		fixtures.therapistQueue(queue, Duration.ofSeconds(60));
		var client = fixtures.client("Robin Axe", UsState.IL);
		try (var browser = new DeskBrowser(port)) {
			browser.signIn(name, DeskFixtures.PASSWORD);
			assertThat(Accessibility.violations(browser.driver())).as("/desk, empty").isEmpty();
			browser.goAvailable();

			var contact = fixtures.call(queue, client, UsState.IL);
			browser.filledCard(contact.id(), Duration.ofSeconds(5));

			assertThat(Accessibility.violations(browser.driver())).as("/desk, with an offer").isEmpty();
		}
	}
}
