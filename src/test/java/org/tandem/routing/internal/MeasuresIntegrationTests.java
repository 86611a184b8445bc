package org.tandem.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

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

	static ContactRequest call() {
		return new ContactRequest("measured", Channel.VOICE, 0, null, null, null, null, Map.of());
	}
}
