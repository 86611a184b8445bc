package org.tandem.wallboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.security.NewUser;
import org.tandem.security.Role;
import org.tandem.security.UserAccounts;
import org.tandem.support.HeadlessChromium;
import org.tandem.support.MorningClock;

/**
 * Automatic logoff on a supervisor's wallboard left alone: its event stream keeps the session busy, so the page
 * signs its user out after the idle time, as the desk does. Shortened here to three seconds.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "tandem.security.require-admin-totp=false", "tandem.security.idle-logoff=3s" })
@ActiveProfiles("test")
@Import(MorningClock.class)
class WallboardIdleLogoffE2ETests {

	static final String PASSWORD = "wallboard-idle-password";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts users;

	HeadlessChromium chromium;
	ChromeDriver browser;

	@BeforeEach
	void openTheBrowser() {
		assumeTrue(HeadlessChromium.installed(),
				"needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
		chromium = new HeadlessChromium();
		browser = chromium.driver();
	}

	@AfterEach
	void closeTheBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void aWallboardNobodyTouchesSignsItsSupervisorOutAndTheSessionIsGone() throws Exception {
		String supervisor = "sid-" + UUID.randomUUID().toString().substring(0, 6);
		users.create(new NewUser(supervisor, PASSWORD, Set.of(Role.SUPERVISOR), null));
		var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		browser.get(base() + "/login");
		browser.findElement(By.id("username")).sendKeys(supervisor);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe(base() + "/"));

		browser.get(base() + "/wallboard");
		wait.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));
		// Keys keep it open: pressing Tab for longer than the idle time does not sign out.
		for (int i = 0; i < 5; i++) {
			browser.findElement(By.tagName("body")).sendKeys("\t");
			Thread.sleep(1000);
		}
		assertThat(browser.getCurrentUrl()).isEqualTo(base() + "/wallboard");

		wait.until(ExpectedConditions.urlContains("/login?logout"));
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("signed out");
		browser.get(base() + "/wallboard");
		assertThat(browser.getCurrentUrl()).contains("/login");
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
