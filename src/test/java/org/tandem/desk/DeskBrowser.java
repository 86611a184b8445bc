package org.tandem.desk;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium, driven through its chromedriver, with a profile of its own that is thrown away
 * afterwards, and a 1280×800 viewport. Screenshots go to {@code target/desk-screenshots}, or to the folder the
 * {@code desk.screenshots} property names (the README's come from {@code -Ddesk.screenshots=docs}).
 */
public final class DeskBrowser implements AutoCloseable {

	public static final int WIDTH = 1280;
	public static final int HEIGHT = 800;

	private final Path profile;
	private final ChromeDriver driver;
	private final String base;

	public DeskBrowser(int port) {
		try {
			profile = Files.createTempDirectory("tandem-chromium-");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		var options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT);
		var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		// The window's size is not the page's: set the viewport itself, so screenshots are exactly 1280×800.
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
		base = "http://localhost:" + port;
	}

	public ChromeDriver driver() {
		return driver;
	}

	/** Signs in through the login form and opens the desktop. */
	public void signIn(String username, String password) {
		driver.manage().deleteAllCookies();
		driver.get(base + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base + "/"));
		driver.get(deskUrl());
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Connected"));
	}

	public String deskUrl() {
		return base + "/desk";
	}

	public void goAvailable() {
		driver.findElement(By.cssSelector("button[data-presence=AVAILABLE]")).click();
		wait(Duration.ofSeconds(5)).until(ExpectedConditions.textToBe(By.id("presence-now"), "Available"));
	}

	public WebDriverWait wait(Duration timeout) {
		var wait = new WebDriverWait(driver, timeout);
		wait.pollingEvery(Duration.ofMillis(10));
		return wait;
	}

	public By card(UUID contactId) {
		return By.cssSelector(".card[data-contact='" + contactId + "']");
	}

	/** The card once it shows the client: its element, filled in from the server. */
	public WebElement filledCard(UUID contactId, Duration within) {
		return wait(within).until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector(".card[data-contact='" + contactId + "'][data-shown-at]")));
	}

	public void screenshot(String name) {
		Path folder = Path.of(System.getProperty("desk.screenshots", "target/desk-screenshots"));
		try {
			Files.createDirectories(folder);
			Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), folder.resolve(name),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		driver.quit();
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException e) {
			// A leftover temporary profile is harmless.
		}
	}
}
