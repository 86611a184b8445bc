package org.tandem.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.UsState;
import org.tandem.desk.DeskFixtures;
import org.tandem.routing.Presence;
import org.tandem.routing.Routing;
import org.tandem.support.AdminApi;
import org.tandem.support.HeadlessChromium;
import org.tandem.support.MorningClock;

/**
 * A staff member whose name is markup shows as those very characters on the administrator's staff list and on
 * the wallboard's agent list, and never runs. The desktop's card makes the same check for a client's name.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tandem.security.require-admin-totp=false")
@ActiveProfiles("test")
@Import(MorningClock.class)
class StaffNamedLikeAScriptE2ETests {

	static final String SCRIPT = "<script>alert(1)</script>";

	@LocalServerPort
	int port;

	@Autowired
	Routing routing;

	@RegisterExtension
	final DeskFixtures fixtures = new DeskFixtures();

	HeadlessChromium chromium;

	ChromeDriver driver;

	@BeforeEach
	void setUp() {
		chromium = new HeadlessChromium();
		driver = chromium.driver();
	}

	@AfterEach
	void tearDown() {
		chromium.close();
	}

	@Test
	void showsTheNameAsTextOnTheStaffListAndTheWallboard() {
		var member = fixtures.therapist(DeskFixtures.unique("odd"), SCRIPT, UsState.IL);
		routing.setPresence(member.id(), Presence.AVAILABLE);
		String base = "http://localhost:" + port;
		chromium.signIn(base, "admin", AdminApi.PASSWORD);

		driver.get(base + "/admin/staff");
		var row = driver.findElement(By.xpath("//tr[th[@scope='row'] and .//a[contains(@href, '" + member.id() + "')]]"));
		assertThat(row.findElement(By.cssSelector("th[scope=row]")).getText()).isEqualTo(SCRIPT);
		assertShownAsText(row);

		driver.get(base + "/wallboard");
		new WebDriverWait(driver, Duration.ofSeconds(15))
			.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));
		var names = driver.findElements(By.cssSelector("#agent-list .agent-name")).stream().map(WebElement::getText)
			.toList();
		assertThat(names).contains(SCRIPT);
		assertShownAsText(driver.findElement(By.id("agent-list")));
	}

	private void assertShownAsText(WebElement around) {
		assertThat(around.findElements(By.tagName("script"))).isEmpty();
		assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
	}
}
