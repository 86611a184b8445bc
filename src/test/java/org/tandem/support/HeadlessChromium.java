package org.tandem.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium, driven through its chromedriver, with a profile of its own that is thrown away
 * afterwards and a 1280×800 viewport. The flags keep it off the network: this machine's closed network refuses
 * the connections chromium would otherwise make at start.
 */
public final class HeadlessChromium implements AutoCloseable {

	public static final int WIDTH = 1280;
	public static final int HEIGHT = 800;

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final Path profile;
	private final ChromeDriver driver;

	public HeadlessChromium() {
		try {
			profile = Files.createTempDirectory("tandem-chromium-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--lang=en-US", "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT);
		var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		// The window's size is not the page's: set the viewport itself, so screenshots are exactly 1280×800.
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
	}

	public static boolean installed() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	public ChromeDriver driver() {
		return driver;
	}

	/** Signs in through the login form of the Tandem at {@code base} and waits for the start page. */
	public void signIn(String base, String username, String password) {
		driver.manage().deleteAllCookies();
		driver.get(base + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base + "/"));
	}

	/** What the page says, as a reader sees it. */
	public String pageText() {
		return driver.findElement(By.tagName("body")).getText();
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
