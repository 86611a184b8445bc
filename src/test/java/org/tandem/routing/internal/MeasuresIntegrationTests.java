package org.tandem.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.Channel;
import org.tandem.core.UsState;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRegistration;
import org.tandem.routing.ContactRequest;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.PracticeSample;
import org.tandem.routing.QueueMeasures;
import org.tandem.routing.Routing;
import org.tandem.routing.RoutingReports;
import org.tandem.support.MutableClock;

/** A morning at the front desk, counted the way a wallboard counts it. */
@SpringBootTest
@ActiveProfiles("test")
class MeasuresIntegrationTests {

	static final Instant NINE = Instant.parse("2026-12-01T15:00:00Z");

	@TestConfiguration
	static class NineAm {

		@Bean
		@Primary
		MutableClock nineAmClock() {
			return new MutableClock(NINE);
		}
	}

	@Autowired
	MutableClock clock;

	@Autowired
	Routing routing;

	@Autowired
	RoutingReports reports;

	@Autowired
	StaffRegistration staff;

	Practice practice;

	@BeforeEach
	void setUp() {
		practice = new Practice(staff, routing);
	}

	@AfterEach
	void tearDown() {
		practice.close();
	}

	@Test
	void countsAnsweredAbandonedAndWaitingWithServiceLevelSpeedOfAnswerAndHandleTime() {
		StaffMember desk = practice.therapist("Dana", Set.of(UsState.IL), Set.of());
		practice.queue("measured");
		practice.available(desk);

		var answered = routing.enqueue(call());
		await().until(() -> routing.contact(answered.id()).orElseThrow().status() == ContactStatus.OFFERED);
		clock.advance(Duration.ofSeconds(12));
		routing.accept(answered.id(), desk.id());

		var leftAfterHalfAMinute = routing.enqueue(call());
		clock.advance(Duration.ofSeconds(30));
		routing.withdraw(leftAfterHalfAMinute.id());

		var misdial = routing.enqueue(call());
		clock.advance(Duration.ofSeconds(2));
		routing.withdraw(misdial.id());

		var waiting = routing.enqueue(call());
		clock.advance(Duration.ofSeconds(60));
		routing.complete(answered.id(), desk.id());
		clock.advance(Duration.ofSeconds(6));

		QueueMeasures measured = reports.measures(NINE, Duration.ofSeconds(20)).stream()
			.filter(queue -> queue.queue().equals("measured"))
			.findFirst()
			.orElseThrow();
		assertThat(measured.offered()).isEqualTo(4);
		assertThat(measured.answered()).isEqualTo(1);
		assertThat(measured.abandoned()).isEqualTo(2);
		assertThat(measured.shortAbandoned()).isEqualTo(1);
		assertThat(measured.answeredInTime()).isEqualTo(1);
		assertThat(measured.serviceLevel()).isCloseTo(1 / 3.0, within(1e-9));
		assertThat(measured.abandonmentRate()).isCloseTo(1 / 3.0, within(1e-9));
		assertThat(measured.averageSpeedOfAnswer()).isEqualTo(Duration.ofSeconds(12));
		// 92 s from taking the call to completing it, plus the 30 s wrap-up.
		assertThat(measured.averageHandleTime()).isEqualTo(Duration.ofSeconds(122));
		assertThat(measured.waitingNow()).isEqualTo(1);
		assertThat(measured.longestWaitNow()).isEqualTo(Duration.ofSeconds(66));
		assertThat(routing.contact(waiting.id()).orElseThrow().status()).isEqualTo(ContactStatus.WAITING);
	}

	@Test
	void aCallerWhoLeavesForACallbackIsCountedOnceAndNotAsAbandoned() {
		practice.queue("diverting");
		var call = routing.enqueue(new ContactRequest("diverting", Channel.VOICE, 0, null, null, null, null, Map.of()));
		clock.advance(Duration.ofSeconds(40));
		routing.divert(call.id());
		routing.enqueue(new ContactRequest("diverting", Channel.CALLBACK, 0, null, null, null, call.id(), Map.of()));

		QueueMeasures measured = reports.measures(NINE, Duration.ofSeconds(20)).stream()
			.filter(queue -> queue.queue().equals("diverting"))
			.findFirst()
			.orElseThrow();
		assertThat(routing.contact(call.id()).orElseThrow().status()).isEqualTo(ContactStatus.DIVERTED);
		assertThat(measured.diverted()).isEqualTo(1);
		assertThat(measured.offered()).isEqualTo(1);
		assertThat(measured.abandoned()).isZero();
		assertThat(measured.abandonmentRate()).isZero();
		assertThat(measured.waitingNow()).isEqualTo(1);
		assertThat(measured.longestWaitNow()).isEqualTo(Duration.ofSeconds(40));
	}

	@Test
	void aQueueWithNothingOfferedHasNoRatesRatherThanZero() {
		practice.queue("quiet");

		QueueMeasures quiet = reports.measures(NINE, Duration.ofSeconds(20)).stream()
			.filter(queue -> queue.queue().equals("quiet"))
			.findFirst()
			.orElseThrow();
		assertThat(quiet.offered()).isZero();
		assertThat(quiet.serviceLevel()).isNull();
		assertThat(quiet.averageSpeedOfAnswer()).isNull();
		assertThat(quiet.longestWaitNow()).isZero();
	}

	@Test
	void theTimelineShowsAfterwardsWhatTheMeasuresSaidAtEachMinute() {
		Instant start = NINE.plus(Duration.ofHours(1));
		clock.advance(Duration.between(clock.instant(), start));
		practice.queue("timeline");
		StaffMember first = practice.therapist("Robin", Set.of(UsState.IL), Set.of());
		StaffMember second = practice.therapist("Sasha", Set.of(UsState.IL), Set.of());
		var live = new ArrayList<PracticeSample>();

		live.add(liveAt(start));
		var answeredLate = at(start, 10, () -> routing.enqueue(call("timeline")));
		var leftAfterTwentyFive = at(start, 40, () -> routing.enqueue(call("timeline")));
		live.add(liveAt(start.plusSeconds(60)));
		at(start, 65, () -> routing.withdraw(leftAfterTwentyFive.id()));
		var misdial = at(start, 70, () -> routing.enqueue(call("timeline")));
		at(start, 72, () -> routing.withdraw(misdial.id()));
		at(start, 90, () -> {
			practice.available(first);
			return take(answeredLate.id(), start.plusSeconds(95));
		});
		live.add(liveAt(start.plusSeconds(120)));
		at(start, 130, () -> {
			practice.available(second);
			return take(routing.enqueue(call("timeline")).id(), start.plusSeconds(140));
		});
		live.add(liveAt(start.plusSeconds(180)));
		at(start, 200, () -> routing.enqueue(call("timeline")));
		live.add(liveAt(start.plusSeconds(240)));
		clock.advance(Duration.ofSeconds(30));

		assertThat(reports.timeline(start, start.plusSeconds(240), Duration.ofMinutes(1), Duration.ofSeconds(20)))
			.containsExactlyElementsOf(live);
		assertThat(live).extracting(PracticeSample::offered).containsExactly(0, 2, 3, 4, 5);
		assertThat(live.get(4).serviceLevel()).isCloseTo(1 / 4.0, within(1e-9));
	}

	/** The practice as a wallboard reads it live at {@code at}: every queue's measures added up. */
	private PracticeSample liveAt(Instant at) {
		clock.advance(Duration.between(clock.instant(), at));
		var measures = reports.measures(NINE.plus(Duration.ofHours(1)), Duration.ofSeconds(20));
		return new PracticeSample(at, measures.stream().mapToInt(QueueMeasures::waitingNow).sum(),
				measures.stream().mapToInt(QueueMeasures::offered).sum(),
				measures.stream().mapToInt(QueueMeasures::shortAbandoned).sum(),
				measures.stream().mapToInt(QueueMeasures::answeredInTime).sum());
	}

	private <T> T at(Instant start, int seconds, Supplier<T> action) {
		clock.advance(Duration.between(clock.instant(), start.plusSeconds(seconds)));
		return action.get();
	}

	/** Accepted at {@code at} by whoever it is offered to. */
	private UUID take(UUID contact, Instant at) {
		await().until(() -> routing.contact(contact).orElseThrow().status() == ContactStatus.OFFERED);
		clock.advance(Duration.between(clock.instant(), at));
		routing.accept(contact, routing.contact(contact).orElseThrow().offeredTo());
		return contact;
	}

	static ContactRequest call(String queue) {
		return new ContactRequest(queue, Channel.VOICE, 0, null, null, null, null, Map.of());
	}

	static ContactRequest call() {
		return new ContactRequest("measured", Channel.VOICE, 0, null, null, null, null, Map.of());
	}
}
