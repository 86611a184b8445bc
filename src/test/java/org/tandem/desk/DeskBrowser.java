package org.tandem.desk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tandem.support.HeadlessChromium;

/**
 * The desktop as a therapist's browser shows it, in {@link HeadlessChromium}. Screenshots go to
 * {@code target/desk-screenshots}, or to the folder the {@code desk.screenshots} property names (the README's come from {@code -Ddesk.screenshots=docs}).
 */
public final class DeskBrowser implements AutoCloseable {

	public static final int WIDTH = HeadlessChromium.WIDTH;
	public static final int HEIGHT = HeadlessChromium.HEIGHT;

	private final HeadlessChromium chromium = new HeadlessChromium();
	private final ChromeDriver driver = chromium.driver();
	private final String base;

	public DeskBrowser(int port) {
		base = "http://localhost:" + port;
	}

	public ChromeDriver driver() {
		return driver;
	}

	/** Signs in through the login form and opens the desktop. */
	public void signIn(String username, String password) {
		chromium.signIn(base, username, password);
		driver.get(deskUrl());
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Connected"));
	}

	public String base() {
		return base;
	}

	public String pageText() {
		return chromium.pageText();
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
		chromium.close();
	}
}
