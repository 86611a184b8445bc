package org.tandem.desk;

import static org.tandem.desk.DeskFixtures.PASSWORD;
import static org.tandem.desk.DeskFixtures.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.clients.ClientRegistration;
import org.tandem.core.UsState;
import org.tandem.directory.StaffRegistration;
import org.tandem.routing.ContactOffered;
import org.tandem.routing.Routing;
import org.tandem.security.UserAccounts;

/**
 * How long an offer takes from routing to the agent's eyes: from the moment routing publishes
 * {@link ContactOffered} (on its loop, in the transaction that decided) to the moment the card in a real,
 * headless browser is filled with the client (its {@code data-shown-at}, read from the page's own clock).
 * Both clocks are this machine's wall clock. Not a {@code *Tests} class, so it never runs with the suite:
 *
 * <pre>
 * mvn test -Dtest=DeskOfferLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Ddesk.rounds=50]
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeskOfferLatencyBenchmark {

	private static final int WARM_UP = 10;

	@TestConfiguration(proxyBeanMethods = false)
	static class PublishTimes {

		final Map<UUID, Double> offeredAt = new ConcurrentHashMap<>();

		@EventListener
		void on(ContactOffered offered) {
			Instant now = Instant.now();
			offeredAt.put(offered.contactId(), now.getEpochSecond() * 1000.0 + now.getNano() / 1_000_000.0);
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	StaffRegistration staff;

	@Autowired
	UserAccounts users;

	@Autowired
	ClientRegistration clients;

	@Autowired
	Routing routing;

	@Autowired
	PublishTimes published;

	@Test
	void offerToCard() {
		int rounds = Integer.getInteger("desk.rounds", 50);
		try (var fixtures = new DeskFixtures(staff, users, clients, routing); var browser = new DeskBrowser(port)) {
			String name = unique("bench");
			var therapist = fixtures.therapist(name, UsState.IL);
			String queue = unique("bench");
			fixtures.therapistQueue(queue, Duration.ofSeconds(60));
			var client = fixtures.client("Maria Lopez", UsState.IL);
			fixtures.couple(client, fixtures.client("Ana Lopez", UsState.IL));
			browser.signIn(name, PASSWORD);
			browser.goAvailable();
			var latencies = new ArrayList<Double>();
			for (int i = 0; i < WARM_UP + rounds; i++) {
				var contact = fixtures.call(queue, client, UsState.IL);
				if (!therapist.id().equals(contact.offeredTo())) {
					throw new IllegalStateException("The contact was not offered to the benchmark's therapist");
				}
				var card = browser.filledCard(contact.id(), Duration.ofSeconds(10));
				double shown = Double.parseDouble(card.getAttribute("data-shown-at"));
				if (i >= WARM_UP) {
					latencies.add(shown - published.offeredAt.get(contact.id()));
				}
				routing.decline(contact.id(), therapist.id());
				routing.withdraw(contact.id());
				browser.wait(Duration.ofSeconds(10))
					.until(driver -> driver.findElements(browser.card(contact.id())).isEmpty());
			}
			report(latencies);
		}
	}

	private static void report(List<Double> latencies) {
		var sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
		System.out.printf("Offer to card, %d offers: p50 %.1f ms, p95 %.1f ms, max %.1f ms, min %.1f ms, mean %.1f ms%n",
				sorted.size(), percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1), sorted.get(0),
				mean);
	}

	/** Nearest rank. */
	private static double percentile(List<Double> sorted, int p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}
}
