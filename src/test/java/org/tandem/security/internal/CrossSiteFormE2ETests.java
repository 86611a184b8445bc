package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.desk.DeskFixtures.PASSWORD;
import static org.tandem.desk.DeskFixtures.unique;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.UsState;
import org.tandem.desk.DeskBrowser;
import org.tandem.desk.DeskFixtures;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.Routing;
import org.tandem.support.AdminApi;

/**
 * A page on another port of the same host (the same site, so the browser sends the session cookie along)
 * submits a form to the desktop's accept button while the therapist is signed in: without the page's CSRF
 * token Tandem refuses it with 403, and the offer stays as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CrossSiteFormE2ETests {

	@LocalServerPort
	int port;

	@Autowired
	Routing routing;

	@RegisterExtension
	final DeskFixtures fixtures = new DeskFixtures();

	DeskBrowser browser;

	HttpServer otherSite;

	@BeforeEach
	void setUp() throws IOException {
		browser = new DeskBrowser(port);
		otherSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		otherSite.start();
	}

	@AfterEach
	void tearDown() {
		otherSite.stop(0);
		browser.close();
	}

	@Test
	void aFormFromAnotherPageWithoutTheTokenIsRefusedAndTheOfferStaysAsItWas() {
		String name = unique("cleo");
		var therapist = fixtures.therapist(name, UsState.IL);
		String queue = unique("forged");
		fixtures.therapistQueue(queue, Duration.ofSeconds(60));
		browser.signIn(name, PASSWORD);
		browser.goAvailable();
		var contact = fixtures.call(queue, fixtures.client("Ines Moreau", UsState.IL), UsState.IL);
		browser.filledCard(contact.id(), Duration.ofSeconds(5));
		String accept = browser.base() + "/desk/contacts/" + contact.id() + "/accept";
		serve("""
				<!DOCTYPE html>
				<html><body>
				<form id="forged" method="post" action="%s"></form>
				<script>document.getElementById('forged').submit();</script>
				</body></html>""".formatted(accept));

		browser.driver().get("http://localhost:" + otherSite.getAddress().getPort() + "/");

		browser.wait(Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(accept));
		assertThat(browser.driver().getTitle()).startsWith("403");
		assertThat(browser.pageText()).contains("Access denied").contains("without the security token");
		var after = routing.contact(contact.id()).orElseThrow();
		assertThat(after.status()).isEqualTo(ContactStatus.OFFERED);
		assertThat(after.offeredTo()).isEqualTo(therapist.id());
		assertThat(new AdminApi(port).list("/api/audit?actor=" + name + "&outcome=DENIED"))
			.as("the signed-in session came along; the missing token is what stopped it")
			.singleElement()
			.satisfies(entry -> assertThat(entry.get("details")).isEqualTo(
					Map.of("method", "POST", "path", "/desk/contacts/" + contact.id() + "/accept", "reason",
							"InvalidCsrfTokenException")));
	}

	private void serve(String html) {
		byte[] page = html.getBytes(StandardCharsets.UTF_8);
		otherSite.createContext("/", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
	}
}
