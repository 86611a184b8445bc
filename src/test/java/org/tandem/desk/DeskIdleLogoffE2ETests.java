package org.tandem.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.desk.DeskFixtures.PASSWORD;
import static org.tandem.desk.DeskFixtures.unique;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.UsState;

/**
 * Automatic logoff on a desk left alone: the desktop's event stream keeps the server's session busy, so the
 * page signs its user out after the idle time with no key or click. Shortened here to three seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tandem.security.idle-logoff=3s")
@ActiveProfiles("test")
class DeskIdleLogoffE2ETests {

	@LocalServerPort
	int port;

	@RegisterExtension
	final DeskFixtures fixtures = new DeskFixtures();

	DeskBrowser browser;

	@BeforeEach
	void setUp() {
		browser = new DeskBrowser(port);
	}

	@AfterEach
	void tearDown() {
		browser.close();
	}

	@Test
	void anUnattendedDeskSignsItsUserOutAndTheSessionIsGone() {
		String name = unique("idle");
		fixtures.therapist(name, UsState.IL);
		browser.signIn(name, PASSWORD);
		var driver = browser.driver();
		// Keys keep it open: typing for a while longer than the idle time does not sign out.
		for (int i = 0; i < 5; i++) {
			driver.findElement(By.tagName("body")).sendKeys("x");
			sleep(1000);
		}
		assertThat(driver.getCurrentUrl()).endsWith("/desk");

		browser.wait(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?logout"));
		assertThat(driver.findElement(By.cssSelector("p.notice")).getText()).contains("signed out");

		driver.get(browser.deskUrl());
		assertThat(driver.getCurrentUrl()).contains("/login");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
