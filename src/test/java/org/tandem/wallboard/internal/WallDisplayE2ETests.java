package org.tandem.wallboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.Channel;
import org.tandem.routing.ContactRequest;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.Routing;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;
import org.tandem.routing.Strategy;
import org.tandem.security.NewUser;
import org.tandem.security.Role;
import org.tandem.security.UserAccounts;
import org.tandem.support.HeadlessChromium;
import org.tandem.support.MorningClock;

/**
 * The front office TV in a real browser: a supervisor makes its link with the keyboard, the TV opens it with
 * nobody signed in and follows the queues live, it is not signed out however long nobody touches it, and when
 * the link is revoked the open page stops receiving figures and a reload is refused. The idle logoff is three
 * seconds here, as in {@link WallboardIdleLogoffE2ETests}, whose context this shares.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "tandem.security.require-admin-totp=false", "tandem.security.idle-logoff=3s" })
@ActiveProfiles("test")
@Import(MorningClock.class)
class WallDisplayE2ETests {

	static final String PASSWORD = "wall-display-e2e-password";

	@LocalServerPort
	int port;

	@Autowired
	Routing routing;

	@Autowired
	UserAccounts users;

	@Autowired
	WallDisplayLinks links;

	@Autowired
	JdbcClient jdbc;

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
	void theFrontOfficeTvShowsLiveFiguresWithoutSigningInUntilItsLinkIsRevoked() throws Exception {
		String queue = "reception-" + UUID.randomUUID().toString().substring(0, 6);
		routing.defineQueue(new QueueDefinition(queue, List.of(new RoutingStep("Front desk", StepTarget.FRONT_DESK,
				Set.of(), null, Strategy.LONGEST_IDLE, null)), Duration.ofMinutes(10)));
		String supervisor = "sam-" + UUID.randomUUID().toString().substring(0, 6);
		users.create(new NewUser(supervisor, PASSWORD, Set.of(Role.SUPERVISOR), null));
		var wait = new WebDriverWait(browser, Duration.ofSeconds(15));

		signIn(supervisor, wait);
		browser.get(base() + "/wallboard/displays");
		assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("No display links yet.");
		String name = "Front office TV " + queue;
		browser.findElement(By.id("name")).sendKeys(name, Keys.ENTER);
		String link = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-link"))).getDomProperty("value");
		assertThat(link).matches("http://localhost:" + port + "/wall/[A-Za-z0-9_-]{43}");
		assertThat(browser.findElement(By.cssSelector("table")).getText()).contains(name, supervisor, "Never");
		screenshot("wall-displays.png");

		// The TV: nobody signed in.
		browser.manage().deleteAllCookies();
		browser.get(link);
		wait.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));
		assertThat(browser.findElements(By.cssSelector("form, button, input, select, textarea, nav"))).isEmpty();
		By waiting = By.cssSelector("[data-queue='" + queue + "'] [data-field=waitingNow]");
		assertThat(browser.findElement(waiting).getText()).isEqualTo("0");

		routing.enqueue(call(queue));
		wait.until(ExpectedConditions.textToBe(waiting, "1"));
		screenshot("wall-display.png");

		// Longer than the idle logoff of a signed-in page: the wall display stays.
		Thread.sleep(4_000);
		assertThat(browser.getCurrentUrl()).isEqualTo(link);
		assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("Live");

		UUID id = jdbc.sql("select id from wall_displays where name = :name").param("name", name).query(UUID.class).single();
		assertThat(links.revoke(id, supervisor)).isTrue();
		wait.until(ExpectedConditions.textToBe(By.id("connection"), "Disconnected: reload the page"));
		routing.enqueue(call(queue));
		// Past the 5 s heartbeat: a page still connected would have the second caller by now.
		Thread.sleep(LiveWallboard.HEARTBEAT.toMillis() + 1_500);
		assertThat(browser.findElement(waiting).getText()).isEqualTo("1");

		browser.navigate().refresh();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link shows nothing");
		assertThat(browser.getPageSource()).doesNotContain(queue);
	}

	/** For a look at the pages: {@code target/wall-displays.png} and {@code target/wall-display.png}. */
	private void screenshot(String name) throws IOException {
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", name),
				StandardCopyOption.REPLACE_EXISTING);
	}

	private void signIn(String username, WebDriverWait wait) {
		browser.get(base() + "/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe(base() + "/"));
	}

	private String base() {
		return "http://localhost:" + port;
	}

	static ContactRequest call(String queue) {
		return new ContactRequest(queue, Channel.VOICE, 0, null, null, null, null, Map.of());
	}
}
