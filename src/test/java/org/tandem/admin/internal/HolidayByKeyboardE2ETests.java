package org.tandem.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.PhoneNumber;
import org.tandem.ivr.FlowNode;
import org.tandem.ivr.IvrFlows;
import org.tandem.support.AdminApi;
import org.tandem.support.HeadlessChromium;
import org.tandem.support.MorningClock;

/**
 * The practice closes today at short notice: the administrator types the date into the hours page and presses
 * the button from the keyboard alone, and the page then lists the holiday and says the practice is closed now.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tandem.security.require-admin-totp=false")
@ActiveProfiles("test")
@Import(MorningClock.class)
class HolidayByKeyboardE2ETests {

	@LocalServerPort
	int port;

	@Autowired
	IvrFlows flows;

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
	void anAdministratorClosesTodayWithTheKeyboard() throws IOException {
		String name = AdminIntegrationTests.unique("snow");
		var number = PhoneNumber.parse("+15035550146", "number");
		HoursFixtures.answering(flows, name, number.e164());
		String base = "http://localhost:" + port;
		chromium.signIn(base, "admin", AdminApi.PASSWORD);

		driver.get(base + "/admin/hours");
		var section = By.id(HoursFixtures.anchor(name));
		assertThat(driver.findElement(section).getText()).contains("Open now");

		var date = driver.findElement(By.id(HoursFixtures.anchor(name) + "-holiday"));
		// A date field takes its parts as typed, month first in the browser's en-US.
		date.sendKeys("11272026");
		assertThat(date.getDomProperty("value")).isEqualTo("2026-11-27");
		// Tab walks through the date's own parts (month, day, year) before it leaves the field.
		for (int presses = 0; presses < 4 && !driver.switchTo().activeElement().getText().equals("Add holiday"); presses++) {
			new Actions(driver).sendKeys(Keys.TAB).perform();
		}
		assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Add holiday");
		new Actions(driver).sendKeys(Keys.ENTER).perform();

		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("saved=2"));
		String shown = driver.findElement(section).getText();
		assertThat(shown).contains("Closed now", "Friday, November 27, 2026: Closed all day");
		var running = (FlowNode.Hours) flows.activeFor(number).orElseThrow().flow().node(HoursFixtures.NODE);
		assertThat(running.holidays()).contains(LocalDate.of(2026, 11, 27));
		// The page as a 1280×800 laptop shows it, to look at when the layout changes.
		Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "admin-hours.png"),
				StandardCopyOption.REPLACE_EXISTING);
	}
}
