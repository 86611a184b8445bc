package org.tandem.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.desk.DeskFixtures.PASSWORD;
import static org.tandem.desk.DeskFixtures.unique;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.UsState;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.Routing;
import org.tandem.security.NewUser;
import org.tandem.security.Role;
import org.tandem.security.UserAccounts;
import org.tandem.support.AdminApi;
import org.tandem.support.HeadlessChromium;

/**
 * The whole path with two people at two browsers: a contact made through the API reaches the therapist's
 * desktop, who takes it and wraps it up, while the practice manager's wallboard counts it as waiting and then
 * as answered, without a reload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeskToWallboardE2ETests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts users;

	@Autowired
	Routing routing;

	@RegisterExtension
	final DeskFixtures fixtures = new DeskFixtures();

	DeskBrowser desk;

	HeadlessChromium wallboard;

	@BeforeEach
	void setUp() {
		desk = new DeskBrowser(port);
		wallboard = new HeadlessChromium();
	}

	@AfterEach
	void tearDown() {
		wallboard.close();
		desk.close();
	}

	@Test
	void aContactFromTheApiIsTakenAtTheDeskAndCountedOnTheWallboardWithoutAReload() {
		String therapist = unique("rue");
		fixtures.therapist(therapist, UsState.IL);
		String queue = unique("evening-intake");
		fixtures.therapistQueue(queue, Duration.ofSeconds(60));
		var client = fixtures.client("Maren Holt", UsState.IL);
		String supervisor = unique("sue");
		users.create(new NewUser(supervisor, PASSWORD, Set.of(Role.SUPERVISOR), null));
		String base = "http://localhost:" + port;
		wallboard.signIn(base, supervisor, PASSWORD);
		var board = wallboard.driver();
		board.get(base + "/wallboard");
		var watch = new WebDriverWait(board, Duration.ofSeconds(15));
		watch.until(ExpectedConditions.textToBe(By.id("connection"), "Live"));
		board.executeScript("window.notReloaded = true;");
		By waiting = By.cssSelector("[data-queue='" + queue + "'] [data-field=waitingNow]");
		By answered = By.cssSelector("[data-queue='" + queue + "'] [data-field=answered]");
		watch.until(ExpectedConditions.textToBe(waiting, "0"));
		assertThat(board.findElement(answered).getText()).isEqualTo("0");
		desk.signIn(therapist, PASSWORD);
		desk.goAvailable();

		var created = new AdminApi(port).post("/api/contacts", Map.of("queue", queue, "channel", "VOICE", "clientId",
				client.id(), "needs", Map.of("currentState", "IL")));

		UUID contact = UUID.fromString((String) created.get("id"));
		var card = desk.filledCard(contact, Duration.ofSeconds(1));
		assertThat(card.findElement(By.cssSelector("[data-field=name]")).getText()).isEqualTo("Maren Holt");
		watch.until(ExpectedConditions.textToBe(waiting, "1"));

		card.findElement(By.cssSelector("[data-action=accept]")).click();
		desk.wait(Duration.ofSeconds(5)).until(ExpectedConditions.attributeToBe(desk.card(contact), "data-status", "ASSIGNED"));
		watch.until(ExpectedConditions.textToBe(answered, "1"));
		watch.until(ExpectedConditions.textToBe(waiting, "0"));
		card.findElement(By.cssSelector("[data-action=end]")).click();
		desk.wait(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("wrap-up-timer")));
		desk.driver().switchTo().activeElement().sendKeys(Keys.SPACE);
		card.findElement(By.cssSelector(".wrap-up button[type=submit]")).click();

		desk.wait(Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("today-list"),
				"Booked intake"));
		assertThat(routing.contact(contact).orElseThrow().status()).isEqualTo(ContactStatus.COMPLETED);
		assertThat(board.findElement(answered).getText()).isEqualTo("1");
		assertThat(board.executeScript("return window.notReloaded === true;")).isEqualTo(true);
	}
}
