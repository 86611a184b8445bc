package org.tandem.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.Channel;
import org.tandem.core.Conflict;
import org.tandem.core.UsState;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRegistration;
import org.tandem.directory.StaffRole;
import org.tandem.routing.AgentPresenceChanged;
import org.tandem.routing.ContactAssigned;
import org.tandem.routing.ContactCompleted;
import org.tandem.routing.ContactOffered;
import org.tandem.routing.ContactRequest;
import org.tandem.routing.Needs;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.Routing;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;
import org.tandem.routing.Strategy;
import org.tandem.routing.Weights;

/**
 * A thousand contacts and fifty agents, with accepts, declines, double clicks, hang-ups and offers left
 * to ring out, all racing from eight threads on both cores. The loop must serialise them so that no
 * contact is assigned twice and no agent holds more than their capacity at any moment.
 */
@SpringBootTest(properties = { "tandem.routing.wrap-up=0s", "tandem.routing.max-missed-offers=3" })
@ActiveProfiles("test")
@Import(RoutingConcurrencyIntegrationTests.Ledger.class)
class RoutingConcurrencyIntegrationTests {

	static final int CONTACTS = 1_000;
	static final int AGENTS = 50;

	/** Counts open contacts per agent and channel in the order the loop publishes its events. */
	@TestConfiguration
	static class Ledger {

		final BlockingQueue<ContactOffered> offers = new LinkedBlockingQueue<>();
		final Map<UUID, AtomicInteger> assignmentsPerContact = new ConcurrentHashMap<>();
		final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
		final Map<String, Integer> highWater = new ConcurrentHashMap<>();
		final BlockingQueue<UUID> away = new LinkedBlockingQueue<>();

		@EventListener
		void on(ContactOffered offer) {
			offers.add(offer);
		}

		@EventListener
		void on(ContactAssigned assigned) {
			assignmentsPerContact.computeIfAbsent(assigned.contactId(), id -> new AtomicInteger()).incrementAndGet();
			String key = assigned.agentId() + "/" + assigned.channel();
			int now = open.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
			highWater.merge(key, now, Math::max);
		}

		@EventListener
		void on(ContactCompleted completed) {
			open.get(completed.agentId() + "/" + completed.channel()).decrementAndGet();
		}

		@EventListener
		void on(AgentPresenceChanged change) {
			if (change.to() == Presence.AWAY) {
				away.add(change.agentId());
			}
		}
	}

	@Autowired
	Routing routing;

	@Autowired
	StaffRegistration staff;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Test
	void assignsEachContactAtMostOnceAndKeepsEveryAgentWithinCapacity() throws Exception {
		var practice = new Practice(staff, routing);
		Map<UUID, Map<Channel, Integer>> capacity = new ConcurrentHashMap<>();
		for (int i = 0; i < AGENTS; i++) {
			StaffMember member = practice.add(practice.member("Racer " + i, StaffRole.THERAPIST, Set.of(UsState.TX),
					Set.of(), true, 1 + i % 3));
			capacity.put(member.id(), member.capacity());
			routing.setPresence(member.id(), Presence.AVAILABLE);
		}
		routing.defineQueue(new QueueDefinition("race", List.of(new RoutingStep("Anyone licensed", StepTarget.THERAPISTS,
				Set.of(org.tandem.routing.HardFilter.LICENSED), Weights.DEFAULT, Strategy.LONGEST_IDLE, null)),
				Duration.ofMillis(1500)));

		ExecutorService threads = Executors.newFixedThreadPool(8);
		var conflicts = new AtomicInteger();
		var contacts = java.util.Collections.synchronizedList(new ArrayList<UUID>());
		for (int producer = 0; producer < 2; producer++) {
			threads.submit(() -> {
				for (int i = 0; i < CONTACTS / 2; i++) {
					Channel channel = i % 3 == 0 ? Channel.CHAT : Channel.VOICE;
					var contact = routing.enqueue(new ContactRequest("race", channel, i % 10 == 0 ? 5 : 0,
							new Needs(null, null, null, UsState.TX, null, null, null, null, null, null), null, null, null,
							Map.of()));
					contacts.add(contact.id());
					if (ThreadLocalRandom.current().nextInt(40) == 0) {
						hangUp(contact.id(), conflicts);
					}
				}
				return null;
			});
		}
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		for (int worker = 0; worker < 5; worker++) {
			threads.submit(() -> {
				while (Instant.now().isBefore(deadline) && !allClosed(contacts)) {
					ContactOffered offer = ledger.offers.poll(100, TimeUnit.MILLISECONDS);
					UUID awayAgent = ledger.away.poll();
					if (awayAgent != null) {
						routing.setPresence(awayAgent, Presence.AVAILABLE);
					}
					if (offer != null) {
						answer(offer, conflicts);
					}
				}
				return null;
			});
		}
		threads.shutdown();
		assertThat(threads.awaitTermination(4, TimeUnit.MINUTES)).isTrue();

		assertThat(contacts).hasSize(CONTACTS);
		assertThat(allClosed(contacts)).as("every contact completed or abandoned").isTrue();
		assertThat(ledger.assignmentsPerContact.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
		assertThat(jdbc.sql("select count(*) from routing_assignments a join routing_contacts c on c.id = a.contact_id"
				+ " where c.queue = 'race'").query(Integer.class).single()).isEqualTo(ledger.assignmentsPerContact.size());
		ledger.highWater.forEach((key, most) -> {
			String[] parts = key.split("/");
			int allowed = capacity.get(UUID.fromString(parts[0])).getOrDefault(Channel.valueOf(parts[1]), 0);
			assertThat(most).as("open %s contacts of %s at once", parts[1], parts[0]).isLessThanOrEqualTo(allowed);
		});
		assertThat(conflicts.get()).as("double clicks and late answers were refused, not applied").isPositive();
		practice.close();
	}

	/** Accept (and sometimes click twice), decline, or let it ring out; complete what was taken. */
	private void answer(ContactOffered offer, AtomicInteger conflicts) {
		int choice = ThreadLocalRandom.current().nextInt(100);
		try {
			if (choice < 65) {
				routing.accept(offer.contactId(), offer.agentId());
				if (choice < 10) {
					routing.accept(offer.contactId(), offer.agentId());
				}
			}
			else if (choice < 85) {
				routing.decline(offer.contactId(), offer.agentId());
				return;
			}
			else {
				return;
			}
		}
		catch (Conflict lateOrTwice) {
			conflicts.incrementAndGet();
		}
		try {
			routing.complete(offer.contactId(), offer.agentId());
		}
		catch (Conflict notTheirs) {
			conflicts.incrementAndGet();
		}
	}

	private void hangUp(UUID contactId, AtomicInteger conflicts) {
		try {
			routing.withdraw(contactId);
		}
		catch (Conflict alreadyTaken) {
			conflicts.incrementAndGet();
		}
	}

	private boolean allClosed(List<UUID> contacts) {
		if (contacts.size() < CONTACTS) {
			return false;
		}
		return jdbc.sql("select count(*) from routing_contacts where queue = 'race' and status in ('COMPLETED', 'ABANDONED')")
			.query(Integer.class).single() == CONTACTS;
	}
}
