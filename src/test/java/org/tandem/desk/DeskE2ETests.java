package org.tandem.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.tandem.desk.DeskFixtures.PASSWORD;
import static org.tandem.desk.DeskFixtures.unique;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.UsState;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.Routing;

/**
 * The desktop in a real browser, as a therapist uses it: sign in, go available, see a call arrive with the
 * client's card, take it, write a note, end it and wrap it up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeskE2ETests {

	private static DeskBrowser browser;

	@LocalServerPort
	int port;

	@Autowired
	Routing routing;

	@Autowired
	JdbcClient jdbc;

	@RegisterExtension
	final DeskFixtures fixtures = new DeskFixtures();

	@BeforeEach
	void setUp() {
		if (browser == null) {
			browser = new DeskBrowser(port);
		}
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@Test
	void aTherapistTakesACallFromOfferToWrapUp() {
		String name = unique("rosa");
		var therapist = fixtures.therapist(name, "Rosa Alvarez", UsState.IL);
		String queue = "intake";
		fixtures.therapistQueue(queue, Duration.ofSeconds(60));
		var maria = fixtures.client("Maria Lopez", UsState.IL);
		fixtures.couple(maria, fixtures.client("Ana Lopez", UsState.IL));
		browser.signIn(name, PASSWORD);
		browser.goAvailable();
		var driver = browser.driver();
		assertThat(driver.findElement(By.id("cards-empty")).isDisplayed()).isTrue();

		var contact = fixtures.call(queue, maria, UsState.IL);

		assertThat(contact.offeredTo()).isEqualTo(therapist.id());
		var card = browser.filledCard(contact.id(), Duration.ofSeconds(1));
		assertThat(card.findElement(By.cssSelector("[data-field=name]")).getText()).isEqualTo("Maria Lopez");
		assertThat(card.findElement(By.cssSelector("[data-field=about]")).getText()).contains("Ana Lopez")
			.contains("Illinois (IL)").contains("Spanish");
		assertThat(card.findElement(By.cssSelector("[data-field=phones]")).getText()).contains("OK to call")
			.contains("Do not text").contains("No detailed voicemail");
		assertThat(card.findElement(By.cssSelector("[data-field=choices]")).getText()).contains("ZIP code")
			.contains("60614");
		assertThat(card.findElement(By.cssSelector("[data-field=why-step]")).getText())
			.startsWith("Step 1 of 1: Licensed therapist");
		assertThat(card.findElement(By.cssSelector("[data-field=countdown]")).getText()).endsWith("left to accept");
		assertThat(driver.switchTo().activeElement().getText()).as("the Accept button has the focus").isEqualTo("Accept");
		browser.screenshot("desk-offer.png");

		card.findElement(By.cssSelector("[data-action=accept]")).click();
		browser.wait(Duration.ofSeconds(5)).until(ExpectedConditions.attributeToBe(browser.card(contact.id()),
				"data-status", "ASSIGNED"));
		assertThat(routing.contact(contact.id()).orElseThrow().status()).isEqualTo(ContactStatus.ASSIGNED);
		var note = card.findElement(By.cssSelector("[data-field=note]"));
		note.sendKeys("Wants an evening intake for both partners.");
		card.findElement(By.cssSelector("[data-action=end]")).click();
		browser.wait(Duration.ofSeconds(5)).until(ExpectedConditions.attributeToBe(browser.card(contact.id()),
				"data-status", "COMPLETED"));
		browser.wait(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("wrap-up-timer")));
		assertThat(driver.findElement(By.id("wrap-up-timer")).getText()).contains("left");
		assertThat(driver.findElement(By.id("presence-now")).getText()).isEqualTo("Wrapping up");
		// Keyboard only: the first disposition has the focus after End; arrow keys move within the group.
		driver.switchTo().activeElement().sendKeys(Keys.SPACE);
		browser.screenshot("desk-wrap-up.png");
		card.findElement(By.cssSelector(".wrap-up button[type=submit]")).click();

		browser.wait(Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOfElementLocated(browser.card(contact.id())));
		browser.wait(Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElementLocated(
				By.id("today-list"), "Booked intake"));
		assertThat(driver.findElement(By.id("today-list")).getText()).contains("Maria Lopez");
		assertThat(routing.contact(contact.id()).orElseThrow().status()).isEqualTo(ContactStatus.COMPLETED);
		assertThat(jdbc.sql("select disposition || ': ' || body from desk_notes where contact_id = :id")
			.param("id", contact.id()).query(String.class).single())
			.isEqualTo("BOOKED_INTAKE: Wants an evening intake for both partners.");
	}

	@Test
	void aCallTakenOnScreenThatItsPhoneCouldNotTakeSaysItWentBackInLine() {
		String name = unique("busy-phone");
		var therapist = fixtures.therapist(name, UsState.IL);
		String queue = unique("busy-phones");
		fixtures.therapistQueue(queue, Duration.ofSeconds(60));
		browser.signIn(name, PASSWORD);
		browser.goAvailable();
		var contact = fixtures.call(queue, fixtures.client("Kai Brooks", UsState.IL), UsState.IL);
		var card = browser.filledCard(contact.id(), Duration.ofSeconds(1));
		card.findElement(By.cssSelector("[data-action=accept]")).click();
		browser.wait(Duration.ofSeconds(5)).until(ExpectedConditions.attributeToBe(browser.card(contact.id()),
				"data-status", "ASSIGNED"));

		// What the call does when the therapist's phone is busy.
		routing.requeue(contact.id(), therapist.id());

		browser.wait(Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElement(
				card.findElement(By.cssSelector("[data-field=error]")), "went back to the queue"));
		assertThat(card.findElement(By.cssSelector("[data-part=work]")).isDisplayed()).isFalse();
		browser.wait(Duration.ofSeconds(5))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("presence-now"), "Available"));
		browser.wait(Duration.ofSeconds(15)).until(ExpectedConditions.invisibilityOfElementLocated(browser.card(contact.id())));
	}

	@Test
	void aSecondTabTakesTheDesktopOverAndTheFirstSaysSo() {
		String name = unique("two-tabs");
		fixtures.therapist(name, UsState.IL);
		browser.signIn(name, PASSWORD);
		var driver = browser.driver();
		String first = driver.getWindowHandle();

		driver.switchTo().newWindow(WindowType.TAB);
		driver.get(browser.deskUrl());
		browser.wait(Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"), "Connected"));
		String second = driver.getWindowHandle();
		driver.switchTo().window(first);

		browser.wait(Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("connection"),
				"open in another tab or window"));
		driver.switchTo().window(second).close();
		driver.switchTo().window(first);
	}

	@Test
	void showsAClientNamedLikeAScriptAsText() {
		String name = unique("sam");
		fixtures.therapist(name, UsState.IL);
		String queue = unique("script");
		fixtures.therapistQueue(queue, Duration.ofSeconds(60));
		var client = fixtures.client("<script>alert(1)</script>", UsState.IL);
		browser.signIn(name, PASSWORD);
		browser.goAvailable();

		var contact = fixtures.call(queue, client, UsState.IL);

		var card = browser.filledCard(contact.id(), Duration.ofSeconds(1));
		assertThat(card.findElement(By.cssSelector("[data-field=name]")).getText()).isEqualTo("<script>alert(1)</script>");
		assertThat(card.findElements(By.tagName("script"))).isEmpty();
		assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		card.findElement(By.cssSelector("[data-action=decline]")).click();
		await().atMost(Duration.ofSeconds(5)).until(() -> browser.driver().findElements(browser.card(contact.id())).isEmpty());
	}
}
