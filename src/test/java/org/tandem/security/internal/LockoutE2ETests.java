package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.security.NewUser;
import org.tandem.security.Role;
import org.tandem.security.UserAccounts;
import org.tandem.support.HeadlessChromium;

/**
 * Five wrong passwords in the login form lock the account, the page says so, the right password is refused
 * too, and the audit log keeps every step. A name that belongs to nobody is told exactly the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LockoutE2ETests {

	static final String PASSWORD = "lockout-e2e-password";

	static final String LOCKED = "This account is locked after too many failed sign-ins. A lock lasts 15 minutes; try again after that.";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	HeadlessChromium chromium;

	@BeforeEach
	void openTheBrowser() {
		chromium = new HeadlessChromium();
	}

	@AfterEach
	void closeTheBrowser() {
		chromium.close();
	}

	@Test
	void fiveWrongPasswordsLockTheAccountAndTheRightOneIsRefusedToo() {
		String name = SecurityFixtures.uniqueName("lou");
		users.create(new NewUser(name, PASSWORD, Set.of(Role.FRONT_DESK), null));

		for (int i = 1; i <= 4; i++) {
			assertThat(signIn(name, "wrong-password-" + i)).contains("Sign-in failed").doesNotContain("locked after");
		}
		assertThat(signIn(name, "wrong-password-5")).contains(LOCKED);
		assertThat(signIn(name, PASSWORD)).contains(LOCKED);

		assertThat(chromium.driver().getCurrentUrl()).endsWith("/login?error");
		assertThat(jdbc.sql("""
				select action || ' ' || outcome || ' ' || coalesce(details ->> 'reason', '') from audit_events
				where actor = :name or (action = 'account.locked' and details ->> 'username' = :name) order by seq""")
			.param("name", name).query(String.class).list()).containsExactly("login.failure FAILURE bad-password",
					"login.failure FAILURE bad-password", "login.failure FAILURE bad-password",
					"login.failure FAILURE bad-password", "login.failure FAILURE bad-password", "account.locked SUCCESS ",
					"login.failure DENIED locked");
	}

	@Test
	void aNameThatBelongsToNobodyIsToldTheSameSoTheLockDoesNotRevealWhoExists() {
		String nobody = SecurityFixtures.uniqueName("nobody");

		for (int i = 1; i <= 4; i++) {
			assertThat(signIn(nobody, "wrong-password-" + i)).contains("Sign-in failed").doesNotContain("locked after");
		}
		assertThat(signIn(nobody, "wrong-password-5")).contains(LOCKED);
		assertThat(signIn(nobody, "wrong-password-6")).contains(LOCKED);
	}

	/** Sends the login form and returns what the page then says. */
	private String signIn(String username, String password) {
		var driver = chromium.driver();
		driver.get("http://localhost:" + port + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?error"));
		return chromium.pageText().replaceAll("\\s+", " ");
	}
}
