package org.tandem.wallboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.core.Channel;
import org.tandem.directory.StaffFixtures;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffMemberBuilder;
import org.tandem.directory.StaffRegistration;
import org.tandem.routing.ContactRequest;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.ContactView;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.Routing;
import org.tandem.routing.RoutingReports;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;
import org.tandem.routing.Strategy;
import org.tandem.support.MutableClock;
import org.tandem.wallboard.internal.Snapshot.Sample;

/**
 * The day's curve comes from the contacts routing stores, not from anything the wallboard kept: a wallboard
 * that has never run before (as after a restart) draws the whole night's points, and the day starts at the
 * practice's midnight. A context of its own, so that the practice's totals are this night's only.
 */
@SpringBootTest(properties = { "tandem.wallboard.time-zone=America/Chicago", "tandem.wallboard.service-level-seconds=20" })
@ActiveProfiles("test")
class WallboardDaySeriesIntegrationTests {

	/** 11:30 pm in Chicago on 26 November; the practice's next day starts at 06:00 UTC. */
	static final Instant LATE_EVENING = Instant.parse("2026-11-27T05:30:00Z");
	static final Instant MIDNIGHT = Instant.parse("2026-11-27T06:00:00Z");

	@TestConfiguration(proxyBeanMethods = false)
	static class LateEveningClock {

		@Bean
		@Primary
		MutableClock lateEveningClock() {
			return new MutableClock(LATE_EVENING);
		}
	}

	@Autowired
	Routing routing;

	@Autowired
	RoutingReports reports;

	@Autowired
	StaffRegistration staff;

	@Autowired
	WallboardProperties properties;

	@Autowired
	MutableClock clock;

	@Test
	void aWallboardThatNeverRanDrawsTheNightsPointsFromStoredContactsCountingTodayFromThePracticesMidnight() {
		routing.defineQueue(new QueueDefinition("night", List.of(new RoutingStep("Front desk", StepTarget.FRONT_DESK,
				Set.of(), null, Strategy.LONGEST_IDLE, null)), Duration.ofMinutes(10)));
		StaffMember first = frontDesk("Night Desk One");
		StaffMember second = frontDesk("Night Desk Two");

		at("05:40:00");
		ContactView beforeMidnight = routing.enqueue(call());
		at("05:50:00");
		ContactView leftYesterday = routing.enqueue(call());
		at("05:55:00");
		routing.withdraw(leftYesterday.id());
		at("06:03:00");
		ContactView leftToday = routing.enqueue(call());
		at("06:04:00");
		routing.withdraw(leftToday.id());
		at("06:06:00");
		routing.setPresence(first.id(), Presence.AVAILABLE);
		await().until(() -> routing.contact(beforeMidnight.id()).orElseThrow().status() == ContactStatus.OFFERED);
		at("06:06:10");
		routing.accept(beforeMidnight.id(), first.id());
		at("06:08:00");
		routing.setPresence(second.id(), Presence.AVAILABLE);
		ContactView answeredInTime = routing.enqueue(call());
		await().until(() -> routing.contact(answeredInTime.id()).orElseThrow().status() == ContactStatus.OFFERED);
		at("06:08:05");
		routing.accept(answeredInTime.id(), second.id());
		at("06:12:30");

		// Built here rather than taken from the context: nothing in it has seen a minute of the night.
		var fresh = new Snapshots(reports, routing, properties, clock);
		var snapshot = fresh.now();

		assertThat(snapshot.dayStart()).isEqualTo(MIDNIGHT);
		List<Sample> series = snapshot.series();
		assertThat(series).extracting(Sample::at)
			.startsWith(MIDNIGHT, Instant.parse("2026-11-27T06:01:00Z"))
			.contains(Instant.parse("2026-11-27T06:12:00Z"))
			.endsWith(Instant.parse("2026-11-27T06:12:30Z"));
		assertThat(series.subList(0, 13)).extracting(Sample::waiting)
			// The caller from 11:40 pm still waits at midnight; the one at 12:03 am leaves a minute later.
			.containsExactly(1, 1, 1, 2, 1, 1, 1, 0, 1, 0, 0, 0, 0);
		assertThat(series.subList(0, 13)).extracting(Sample::serviceLevelPercent)
			// Yesterday's contacts count for nothing today: of the two that arrived after midnight, one was taken in 5 s.
			.containsExactly(null, null, null, 0, 0, 0, 0, 0, 0, 50, 50, 50, 50);
	}

	private void at(String utcTime) {
		Instant target = Instant.parse("2026-11-27T" + utcTime + "Z");
		clock.advance(Duration.between(clock.instant(), target));
	}

	private StaffMember frontDesk(String name) {
		return staff.add(StaffMemberBuilder.from(StaffFixtures.frontDesk()).id(UUID.randomUUID()).name(name)
			.sipUser(null).capacity(Map.of(Channel.VOICE, 1)).build());
	}

	static ContactRequest call() {
		return new ContactRequest("night", Channel.VOICE, 0, null, null, null, null, Map.of());
	}
}
