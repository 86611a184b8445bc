package org.tandem.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.tandem.core.Population.GAY_MALE_COUPLES;
import static org.tandem.core.Population.LESBIAN_COUPLES;
import static org.tandem.core.UsState.CA;
import static org.tandem.core.UsState.NY;
import static org.tandem.core.UsState.OR;
import static org.tandem.core.UsState.TX;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.Channel;
import org.tandem.core.Conflict;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRegistration;
import org.tandem.routing.ContactAbandoned;
import org.tandem.routing.ContactAssigned;
import org.tandem.routing.ContactCompleted;
import org.tandem.routing.ContactRequest;
import org.tandem.routing.ContactRequeued;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.ContactView;
import org.tandem.routing.HardFilter;
import org.tandem.routing.Needs;
import org.tandem.routing.OfferTimedOut;
import org.tandem.routing.Presence;
import org.tandem.routing.Routing;

@SpringBootTest
@ActiveProfiles("test")
@Import(RoutingEventLog.class)
class RoutingIntegrationTests {

	@Autowired
	Routing routing;

	@Autowired
	StaffRegistration staff;

	@Autowired
	RoutingLoop loop;

	@Autowired
	RoutingEventLog events;

	@Autowired
	JdbcClient jdbc;

	Practice practice;

	@BeforeEach
	void setUp() {
		practice = new Practice(staff, routing);
	}

	@AfterEach
	void tearDown() {
		practice.close();
	}

	static ContactRequest call(String queue, Set<org.tandem.core.Population> populations, org.tandem.core.UsState state) {
		return new ContactRequest(queue, Channel.VOICE, 0,
				new Needs(populations, null, null, state, null, null, null, null, null, null), null, null, null, Map.of());
	}

	@Test
	void offersTheSpecialistLicensedWhereTheCallerIsAndStoresWhy() {
		practice.intakeQueue("specialists", Duration.ofSeconds(20), Duration.ofSeconds(60));
		StaffMember californian = practice.therapist("Ca Specialist", Set.of(CA), Set.of(LESBIAN_COUPLES));
		StaffMember generalist = practice.therapist("Tx Generalist", Set.of(TX), Set.of(GAY_MALE_COUPLES));
		StaffMember specialist = practice.therapist("Tx Specialist", Set.of(TX), Set.of(LESBIAN_COUPLES));
		practice.available(californian, generalist, specialist);

		ContactView contact = routing.enqueue(call("specialists", Set.of(LESBIAN_COUPLES), TX));

		assertThat(contact.status()).isEqualTo(ContactStatus.OFFERED);
		assertThat(contact.offeredTo()).isEqualTo(specialist.id());
		var why = routing.explanations(contact.id()).get(0);
		assertThat(why.chosen()).isEqualTo(specialist.id());
		assertThat(why.stepName()).isEqualTo("Licensed specialist");
		assertThat(why.candidates()).filteredOn(c -> c.agentId().equals(californian.id()))
			.singleElement()
			.satisfies(c -> assertThat(c.failed()).contains(HardFilter.LICENSED));
		assertThat(why.candidates()).filteredOn(c -> c.agentId().equals(generalist.id()))
			.singleElement()
			.satisfies(c -> assertThat(c.failed()).containsExactly(HardFilter.SPECIALIST));
	}

	@Test
	void assignsOnAcceptAndWrapsUpOnComplete() {
		practice.intakeQueue("accepting", Duration.ofSeconds(20), Duration.ofSeconds(60));
		StaffMember therapist = practice.therapist("Accepting Therapist", Set.of(NY), Set.of());
		practice.available(therapist);
		ContactView contact = routing.enqueue(call("accepting", Set.of(), NY));

		ContactView assigned = routing.accept(contact.id(), therapist.id());
		assertThat(assigned.status()).isEqualTo(ContactStatus.ASSIGNED);
		assertThatThrownBy(() -> routing.accept(contact.id(), therapist.id())).isInstanceOf(Conflict.class);
		assertThat(jdbc.sql("select count(*) from routing_assignments where contact_id = :id").param("id", contact.id())
			.query(Integer.class).single()).isEqualTo(1);

		ContactView completed = routing.complete(contact.id(), therapist.id());
		assertThat(completed.status()).isEqualTo(ContactStatus.COMPLETED);
		assertThat(routing.agents()).filteredOn(a -> a.agentId().equals(therapist.id())).singleElement()
			.satisfies(a -> assertThat(a.presence()).isEqualTo(Presence.WRAP_UP));
		await().atMost(Duration.ofSeconds(5)).until(() -> !events.of(ContactCompleted.class).stream()
			.filter(e -> e.contactId().equals(contact.id())).toList().isEmpty());
		assertThat(events.of(ContactAssigned.class)).anyMatch(e -> e.contactId().equals(contact.id()));
	}

	@Test
	void aContactPutBackInLineIsNoOnesUntilSomeoneElseTakesIt() {
		practice.intakeQueue("requeues", Duration.ofSeconds(20), Duration.ofSeconds(60));
		StaffMember first = practice.therapist("Requeue First", Set.of(OR), Set.of());
		practice.available(first);
		ContactView contact = routing.enqueue(call("requeues", Set.of(), OR));
		routing.accept(contact.id(), first.id());
		StaffMember second = practice.therapist("Requeue Second", Set.of(OR), Set.of());
		practice.available(second);

		ContactView requeued = routing.requeue(contact.id(), first.id());

		assertThat(requeued.status()).isEqualTo(ContactStatus.OFFERED);
		assertThat(requeued.offeredTo()).isEqualTo(second.id());
		assertThat(requeued.assignedTo()).isNull();
		assertThat(jdbc.sql("select count(*) from routing_contacts where id = :id and assigned_to is null and assigned_at is null")
			.param("id", contact.id()).query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from routing_assignments where contact_id = :id").param("id", contact.id())
			.query(Integer.class).single()).isZero();
		assertThatThrownBy(() -> routing.requeue(contact.id(), first.id())).isInstanceOf(Conflict.class);

		routing.accept(contact.id(), second.id());

		assertThat(jdbc.sql("select agent_id from routing_assignments where contact_id = :id").param("id", contact.id())
			.query(UUID.class).list()).containsExactly(second.id());
		await().atMost(Duration.ofSeconds(5)).until(() -> events.of(ContactRequeued.class)
			.contains(new ContactRequeued(contact.id(), first.id(), "requeues", Channel.VOICE)));
	}

	@Test
	void offersTheNextCandidateWhenTheFirstDeclines() {
		practice.intakeQueue("declines", Duration.ofSeconds(20), Duration.ofSeconds(60));
		StaffMember first = practice.therapist("Declining First", Set.of(CA), Set.of());
		practice.available(first);
		ContactView contact = routing.enqueue(call("declines", Set.of(), CA));
		assertThat(contact.offeredTo()).isEqualTo(first.id());
		StaffMember second = practice.therapist("Accepting Second", Set.of(CA), Set.of());
		practice.available(second);

		ContactView declined = routing.decline(contact.id(), first.id());

		assertThat(declined.status()).isEqualTo(ContactStatus.OFFERED);
		assertThat(declined.offeredTo()).isEqualTo(second.id());
	}

	@Test
	void reoffersWhenTherapistDoesNotAnswerAndSetsThemAwayAfterTwoMisses() {
		practice.intakeQueue("timeouts", Duration.ofSeconds(1), Duration.ofSeconds(60));
		StaffMember sleepy = practice.therapist("Sleepy Therapist", Set.of(TX), Set.of());
		practice.available(sleepy);
		ContactView first = routing.enqueue(call("timeouts", Set.of(), TX));
		ContactView second = routing.enqueue(call("timeouts", Set.of(), TX));
		assertThat(first.offeredTo()).isEqualTo(sleepy.id());

		await().atMost(Duration.ofSeconds(5)).until(() -> routing.contact(second.id()).orElseThrow().offeredTo() != null);
		assertThat(routing.contact(second.id()).orElseThrow().offeredTo()).isEqualTo(sleepy.id());
		await().atMost(Duration.ofSeconds(5)).until(() -> events.of(OfferTimedOut.class).stream()
			.filter(e -> e.agentId().equals(sleepy.id())).count() == 2);
		assertThat(routing.agents()).filteredOn(a -> a.agentId().equals(sleepy.id())).singleElement()
			.satisfies(a -> assertThat(a.presence()).isEqualTo(Presence.AWAY));
		assertThat(routing.queue("timeouts")).extracting(ContactView::id).containsExactly(first.id(), second.id());
	}

	@Test
	void abandonsWithTheWaitWhenTheCallerHangsUp() {
		practice.intakeQueue("hangups", Duration.ofSeconds(20), Duration.ofSeconds(60));
		ContactView contact = routing.enqueue(call("hangups", Set.of(), TX));
		assertThat(contact.status()).isEqualTo(ContactStatus.WAITING);
		assertThat(contact.position()).isEqualTo(1);

		ContactView abandoned = routing.withdraw(contact.id());

		assertThat(abandoned.status()).isEqualTo(ContactStatus.ABANDONED);
		assertThat(abandoned.endedAt()).isNotNull();
		await().atMost(Duration.ofSeconds(5)).until(() -> events.of(ContactAbandoned.class).stream()
			.anyMatch(e -> e.contactId().equals(contact.id()) && !e.waited().isNegative()));
		assertThatThrownBy(() -> routing.withdraw(contact.id())).isInstanceOf(Conflict.class);
	}

	@Test
	void aContactNamedBeforehandIsQueuedUnderThatIdAndTheIdCannotBeUsedTwice() {
		practice.intakeQueue("named", Duration.ofSeconds(20), Duration.ofSeconds(60));
		UUID named = UUID.randomUUID();

		ContactView contact = routing.enqueue(named, call("named", Set.of(), TX));

		assertThat(contact.id()).isEqualTo(named);
		assertThat(routing.queue("named")).extracting(ContactView::id).containsExactly(named);
		assertThatThrownBy(() -> routing.enqueue(named, call("named", Set.of(), TX))).isInstanceOf(Conflict.class);
		routing.withdraw(named);
		assertThatThrownBy(() -> routing.enqueue(named, call("named", Set.of(), TX))).isInstanceOf(Conflict.class);
		assertThat(routing.contact(named).orElseThrow().status()).isEqualTo(ContactStatus.ABANDONED);
		assertThat(routing.queue("named")).isEmpty();
	}

	@Test
	void aCallbackKeepsThePlaceItsCallerHad() {
		practice.intakeQueue("callbacks", Duration.ofSeconds(20), Duration.ofSeconds(60));
		ContactView early = routing.enqueue(call("callbacks", Set.of(), NY));
		ContactView later = routing.enqueue(call("callbacks", Set.of(), NY));
		routing.withdraw(early.id());

		ContactView callback = routing.enqueue(new ContactRequest("callbacks", Channel.CALLBACK, 0, early.needs(), null,
				null, early.id(), Map.of("callback", "+15125550142")));

		assertThat(callback.arrivedAt()).isEqualTo(early.arrivedAt());
		assertThat(routing.queue("callbacks")).extracting(ContactView::id).containsExactly(callback.id(), later.id());
	}

	@Test
	void aRestartRebuildsTheQueueAndOffersAgainWhatWasInFlight() {
		practice.intakeQueue("restarts", Duration.ofSeconds(20), Duration.ofSeconds(60));
		StaffMember therapist = practice.therapist("Restart Therapist", Set.of(TX), Set.of());
		practice.available(therapist);
		ContactView offered = routing.enqueue(call("restarts", Set.of(), TX));
		ContactView waiting = routing.enqueue(new ContactRequest("restarts", Channel.VOICE, 5,
				new Needs(null, null, null, TX, null, null, null, null, null, null), null, null, null, Map.of()));
		ContactView last = routing.enqueue(call("restarts", Set.of(), TX));
		List<ContactView> before = routing.queue("restarts");

		loop.stop();
		loop.start();

		List<ContactView> after = routing.queue("restarts");
		assertThat(after).extracting(ContactView::id).containsExactlyElementsOf(before.stream().map(ContactView::id).toList());
		assertThat(after).extracting(ContactView::arrivedAt)
			.containsExactlyElementsOf(before.stream().map(ContactView::arrivedAt).toList());
		assertThat(before.get(0).id()).isEqualTo(waiting.id());
		assertThat(routing.contact(offered.id()).orElseThrow().offeredTo()).isEqualTo(therapist.id());
		assertThat(routing.accept(offered.id(), therapist.id()).status()).isEqualTo(ContactStatus.ASSIGNED);
		assertThat(routing.contact(last.id()).orElseThrow().status()).isEqualTo(ContactStatus.WAITING);
	}
}
