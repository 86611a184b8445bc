package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.desk.DeskFixtures.PASSWORD;
import static org.tandem.desk.DeskFixtures.unique;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.UsState;
import org.tandem.desk.DeskBrowser;
import org.tandem.desk.DeskFixtures;
import org.tandem.routing.Presence;
import org.tandem.routing.Routing;
import org.tandem.support.AdminApi;

/**
 * A therapist signed in to the desktop types the address of a contact card that was never theirs: the browser
 * shows a 403 page in words, the audit log keeps the attempt, and covering it up afterwards breaks the chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RefusedByUrlE2ETests {

	@LocalServerPort
	int port;

	@Autowired
	Routing routing;

	@Autowired
	JdbcClient jdbc;

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
	void anotherTherapistsClientCardIsRefusedInWordsAuditedAndACoverUpBreaksTheChain() {
		String thea = unique("thea");
		fixtures.therapist(thea, UsState.IL);
		var omar = fixtures.therapist(unique("omar"), UsState.IL);
		String queue = unique("omar-takes-it");
		fixtures.therapistQueue(queue, Duration.ofSeconds(60));
		routing.setPresence(omar.id(), Presence.AVAILABLE);
		var contact = fixtures.call(queue, fixtures.client("Nadia Haddad", UsState.IL), UsState.IL);
		assertThat(contact.offeredTo()).isEqualTo(omar.id());
		routing.accept(contact.id(), omar.id());
		browser.signIn(thea, PASSWORD);

		browser.driver().get(browser.base() + "/desk/contacts/" + contact.id());

		assertThat(browser.driver().getTitle()).startsWith("403");
		assertThat(browser.pageText()).contains("Access denied").contains("403 Forbidden")
			.contains("Your role does not allow this page or this record").doesNotContain("Nadia Haddad")
			.doesNotContain("Whitelabel").doesNotContain("Exception");

		var api = new AdminApi(port);
		List<Map<String, Object>> denied = api.list("/api/audit?actor=" + thea + "&outcome=DENIED");
		assertThat(denied).singleElement().satisfies(entry -> {
			assertThat(entry.get("action")).isEqualTo("page.access");
			assertThat(entry.get("details")).isEqualTo(
					Map.of("method", "GET", "path", "/desk/contacts/" + contact.id(), "reason", "AccessDeniedException"));
			assertThat(entry.get("sourceAddress")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		});
		assertThat(api.get("/api/audit/verify")).containsEntry("intact", true);

		long seq = ((Number) denied.get(0).get("seq")).longValue();
		try {
			AuditTampering.tamper(jdbc, "update audit_events set outcome = 'SUCCESS' where seq = " + seq);

			assertThat(api.get("/api/audit/verify")).containsEntry("intact", false)
				.containsEntry("firstBrokenSeq", (int) seq);
		}
		finally {
			// Put back, so that the other tests sharing this database find an intact chain.
			AuditTampering.tamper(jdbc, "update audit_events set outcome = 'DENIED' where seq = " + seq);
		}
		assertThat(api.get("/api/audit/verify")).containsEntry("intact", true);
	}
}
