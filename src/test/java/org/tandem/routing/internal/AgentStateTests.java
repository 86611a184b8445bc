package org.tandem.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.routing.internal.ContactFixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tandem.core.Channel;
import org.tandem.core.Conflict;
import org.tandem.routing.AgentPresenceChanged;
import org.tandem.routing.Presence;

class AgentStateTests {

	private static final Duration WRAP_UP = Duration.ofSeconds(30);
	private static final int MAX_MISSED = 2;

	private final UUID id = UUID.randomUUID();
	private final UUID call = UUID.randomUUID();
	private final UUID chat = UUID.randomUUID();
	private final UUID other = UUID.randomUUID();

	// ---- choosing a presence ---------------------------------------------------------------------------

	@Test
	void startsOfflineAndIdleSinceSigningIn() {
		AgentState agent = new AgentState(id, T0);

		assertThat(agent.presence()).isEqualTo(Presence.OFFLINE);
		assertThat(agent.since()).isEqualTo(T0);
		assertThat(agent.idleSince()).isEqualTo(T0);
		assertThat(agent.openContacts()).isZero();
		assertThat(agent.canBeOffered()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = Presence.class, names = { "OFFLINE", "AWAY", "WRAP_UP" })
	void becomesAvailableFromAnyIdlePresence(Presence from) {
		AgentState agent = in(from);

		agent.choose(Presence.AVAILABLE, T0.plusSeconds(100));

		assertThat(agent.presence()).isEqualTo(Presence.AVAILABLE);
		assertThat(agent.since()).isEqualTo(T0.plusSeconds(100));
		assertThat(agent.canBeOffered()).isTrue();
		assertThat(agent.wrapUpUntil()).isNull();
		assertThat(agent.drainMoves())
			.containsExactly(new AgentPresenceChanged(id, from, Presence.AVAILABLE, T0.plusSeconds(100)));
	}

	@ParameterizedTest
	@EnumSource(value = Presence.class, names = { "OFFLINE", "AVAILABLE", "WRAP_UP", "AWAY" })
	void goesAwayFromAnyPresenceWithoutContacts(Presence from) {
		AgentState agent = in(from);

		agent.choose(Presence.AWAY, T0.plusSeconds(100));

		assertThat(agent.presence()).isEqualTo(Presence.AWAY);
		assertThat(agent.canBeOffered()).isFalse();
		assertThat(agent.wrapUpUntil()).isNull();
	}

	@ParameterizedTest
	@EnumSource(value = Presence.class, names = { "AVAILABLE", "WRAP_UP", "AWAY" })
	void signsOffFromAnyPresenceWithoutContacts(Presence from) {
		AgentState agent = in(from);

		agent.choose(Presence.OFFLINE, T0.plusSeconds(100));

		assertThat(agent.presence()).isEqualTo(Presence.OFFLINE);
		assertThat(agent.drainMoves()).containsExactly(
				new AgentPresenceChanged(id, from, Presence.OFFLINE, T0.plusSeconds(100)));
	}

	@Test
	void aSecondClickOnAvailableChangesNothing() {
		AgentState agent = in(Presence.AVAILABLE);

		agent.choose(Presence.AVAILABLE, T0.plusSeconds(100));

		assertThat(agent.presence()).isEqualTo(Presence.AVAILABLE);
		assertThat(agent.since()).isEqualTo(T0.plusSeconds(1));
		assertThat(agent.drainMoves()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = Presence.class, names = { "BUSY", "OFFERED" })
	void clickingAvailableWhileTakingWorkChangesNothing(Presence from) {
		AgentState agent = in(from);
		Snapshot before = Snapshot.of(agent);

		assertThat(agent.choose(Presence.AVAILABLE, T0.plusSeconds(100))).isEqualTo(from);

		assertThat(Snapshot.of(agent)).isEqualTo(before);
		assertThat(agent.drainMoves()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = Presence.class, names = { "OFFERED", "BUSY", "WRAP_UP" })
	void cannotChooseAPresenceOnlyTheEngineSets(Presence target) {
		for (Presence from : EnumSet.allOf(Presence.class)) {
			AgentState agent = in(from);

			assertRejectedUnchanged(agent, a -> a.choose(target, T0.plusSeconds(100)));
		}
	}

	@ParameterizedTest
	@EnumSource(value = Presence.class, names = { "AWAY", "OFFLINE" })
	void cannotStepAwayWhileHandlingContacts(Presence target) {
		assertRejectedUnchanged(in(Presence.BUSY), a -> a.choose(target, T0.plusSeconds(100)));
		assertRejectedUnchanged(busyOnAChatWithAnotherOffered(), a -> a.choose(target, T0.plusSeconds(100)));
	}

	@ParameterizedTest
	@EnumSource(value = Presence.class, names = { "AWAY", "OFFLINE" })
	void steppingAwayWithAnOfferOnScreenHandsTheOfferBack(Presence target) {
		AgentState agent = in(Presence.OFFERED);

		agent.choose(target, T0.plusSeconds(100));

		assertThat(agent.presence()).isEqualTo(target);
		assertThat(agent.pendingOffer()).isNull();
		assertThat(agent.pendingChannel()).isNull();
		assertThat(agent.missedInARow()).isZero();
	}

	@Test
	void choosingAvailableForgivesMissedOffers() {
		AgentState agent = in(Presence.AVAILABLE);
		agent.offer(call, Channel.VOICE, T0.plusSeconds(2));
		agent.missOffer(call, MAX_MISSED, T0.plusSeconds(22));
		agent.choose(Presence.AWAY, T0.plusSeconds(30));

		agent.choose(Presence.AVAILABLE, T0.plusSeconds(40));

		assertThat(agent.missedInARow()).isZero();
	}

	// ---- offers ------------------------------------------------------------------------------------------

	@Test
	void anAvailableAgentIsOfferedOneContact() {
		AgentState agent = in(Presence.AVAILABLE);

		agent.offer(call, Channel.VOICE, T0.plusSeconds(5));

		assertThat(agent.presence()).isEqualTo(Presence.OFFERED);
		assertThat(agent.pendingOffer()).isEqualTo(call);
		assertThat(agent.pendingChannel()).isEqualTo(Channel.VOICE);
		assertThat(agent.canBeOffered()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = Presence.class, names = { "OFFLINE", "OFFERED", "WRAP_UP", "AWAY" })
	void isNotOfferedAContactUnlessAvailableOrBusy(Presence from) {
		assertRejectedUnchanged(in(from), a -> a.offer(other, Channel.CHAT, T0.plusSeconds(100)));
	}

	@Test
	void aBusyAgentWithRoomForAnotherChatIsOfferedOne() {
		AgentState agent = in(Presence.AVAILABLE);
		agent.offer(chat, Channel.CHAT, T0.plusSeconds(2));
		agent.accept(chat, T0.plusSeconds(3));
		assertThat(agent.canBeOffered()).isTrue();

		agent.offer(other, Channel.CHAT, T0.plusSeconds(10));
		agent.accept(other, T0.plusSeconds(12));

		assertThat(agent.presence()).isEqualTo(Presence.BUSY);
		assertThat(agent.active(Channel.CHAT)).isEqualTo(2);
		assertThat(agent.openContacts()).isEqualTo(2);
		assertThat(agent.contactsToday(T0.plusSeconds(12))).isEqualTo(2);
	}

	@Test
	void acceptingMakesTheAgentBusyOnTheOfferedChannel() {
		AgentState agent = in(Presence.AVAILABLE);
		agent.offer(call, Channel.VOICE, T0.plusSeconds(2));
		agent.missOffer(call, 3, T0.plusSeconds(22));
		agent.offer(other, Channel.VOICE, T0.plusSeconds(30));

		agent.accept(other, T0.plusSeconds(35));

		assertThat(agent.presence()).isEqualTo(Presence.BUSY);
		assertThat(agent.active(Channel.VOICE)).isEqualTo(1);
		assertThat(agent.activeByChannel()).isEqualTo(Map.of(Channel.VOICE, 1));
		assertThat(agent.pendingOffer()).isNull();
		assertThat(agent.missedInARow()).isZero();
		assertThat(agent.contactsToday(T0.plusSeconds(35))).isEqualTo(1);
	}

	@Test
	void cannotAcceptDeclineOrMissAContactThatIsNotOfferedToThem() {
		AgentState offered = in(Presence.OFFERED);
		assertRejectedUnchanged(offered, a -> a.accept(other, T0.plusSeconds(100)));
		assertRejectedUnchanged(offered, a -> a.decline(other, T0.plusSeconds(100)));
		assertRejectedUnchanged(offered, a -> a.missOffer(other, MAX_MISSED, T0.plusSeconds(100)));
		assertRejectedUnchanged(offered, a -> a.withdrawOffer(other, T0.plusSeconds(100)));

		AgentState available = in(Presence.AVAILABLE);
		assertRejectedUnchanged(available, a -> a.accept(call, T0.plusSeconds(100)));
		assertRejectedUnchanged(available, a -> a.decline(call, T0.plusSeconds(100)));
	}

	@Test
	void decliningLeavesTheAgentAvailableAndCountsNoMiss() {
		AgentState agent = in(Presence.OFFERED);

		agent.decline(call, T0.plusSeconds(10));

		assertThat(agent.presence()).isEqualTo(Presence.AVAILABLE);
		assertThat(agent.pendingOffer()).isNull();
		assertThat(agent.missedInARow()).isZero();
	}

	@Test
	void decliningAnotherChatLeavesTheAgentBusyWithTheFirst() {
		AgentState agent = busyOnAChatWithAnotherOffered();

		agent.decline(other, T0.plusSeconds(20));

		assertThat(agent.presence()).isEqualTo(Presence.BUSY);
		assertThat(agent.active(Channel.CHAT)).isEqualTo(1);
	}

	@Test
	void missedOffersInARowSetAnIdleAgentAway() {
		AgentState agent = in(Presence.AVAILABLE);
		agent.offer(call, Channel.VOICE, T0.plusSeconds(2));

		agent.missOffer(call, MAX_MISSED, T0.plusSeconds(22));

		assertThat(agent.presence()).isEqualTo(Presence.AVAILABLE);
		assertThat(agent.missedInARow()).isEqualTo(1);

		agent.offer(other, Channel.VOICE, T0.plusSeconds(30));
		agent.missOffer(other, MAX_MISSED, T0.plusSeconds(50));

		assertThat(agent.presence()).isEqualTo(Presence.AWAY);
		assertThat(agent.missedInARow()).isEqualTo(2);
		assertThat(agent.canBeOffered()).isFalse();
	}

	@Test
	void anAcceptedOfferBreaksTheRunOfMisses() {
		AgentState agent = in(Presence.AVAILABLE);
		agent.offer(call, Channel.VOICE, T0.plusSeconds(2));
		agent.missOffer(call, MAX_MISSED, T0.plusSeconds(22));
		agent.offer(chat, Channel.CHAT, T0.plusSeconds(30));
		agent.accept(chat, T0.plusSeconds(31));
		agent.complete(Channel.CHAT, Duration.ZERO, T0.plusSeconds(60));

		agent.offer(other, Channel.VOICE, T0.plusSeconds(70));
		agent.missOffer(other, MAX_MISSED, T0.plusSeconds(90));

		assertThat(agent.presence()).isEqualTo(Presence.AVAILABLE);
		assertThat(agent.missedInARow()).isEqualTo(1);
	}

	@Test
	void aBusyAgentWhoMissesAnotherChatStaysBusy() {
		AgentState agent = busyOnAChatWithAnotherOffered();

		agent.missOffer(other, 1, T0.plusSeconds(30));

		assertThat(agent.presence()).isEqualTo(Presence.BUSY);
		assertThat(agent.missedInARow()).isEqualTo(1);
	}

	@Test
	void aWithdrawnOfferIsNotAMiss() {
		AgentState agent = in(Presence.OFFERED);

		agent.withdrawOffer(call, T0.plusSeconds(10));

		assertThat(agent.presence()).isEqualTo(Presence.AVAILABLE);
		assertThat(agent.pendingOffer()).isNull();
		assertThat(agent.missedInARow()).isZero();
	}

	// ---- finishing ---------------------------------------------------------------------------------------

	@Test
	void completingTheLastContactStartsWrapUpThatEndsOnTime() {
		AgentState agent = in(Presence.BUSY);
		Instant done = T0.plusSeconds(300);

		agent.complete(Channel.VOICE, WRAP_UP, done);

		assertThat(agent.presence()).isEqualTo(Presence.WRAP_UP);
		assertThat(agent.wrapUpUntil()).isEqualTo(done.plus(WRAP_UP));
		assertThat(agent.idleSince()).isEqualTo(done);
		assertThat(agent.openContacts()).isZero();
		assertThat(agent.canBeOffered()).isFalse();

		agent.endWrapUp(done.plus(WRAP_UP).minusMillis(1));
		assertThat(agent.presence()).isEqualTo(Presence.WRAP_UP);

		agent.endWrapUp(done.plus(WRAP_UP));
		assertThat(agent.presence()).isEqualTo(Presence.AVAILABLE);
		assertThat(agent.wrapUpUntil()).isNull();
	}

	@Test
	void withoutWrapUpTimeTheAgentIsAvailableAtOnce() {
		AgentState agent = in(Presence.BUSY);

		agent.complete(Channel.VOICE, Duration.ZERO, T0.plusSeconds(300));

		assertThat(agent.presence()).isEqualTo(Presence.AVAILABLE);
		assertThat(agent.wrapUpUntil()).isNull();
	}

	@Test
	void completingOneOfTwoChatsKeepsTheAgentBusy() {
		AgentState agent = busyOnAChatWithAnotherOffered();
		agent.accept(other, T0.plusSeconds(20));

		agent.complete(Channel.CHAT, WRAP_UP, T0.plusSeconds(300));

		assertThat(agent.presence()).isEqualTo(Presence.BUSY);
		assertThat(agent.active(Channel.CHAT)).isEqualTo(1);
	}

	@Test
	void completingAChatWhileAnotherIsOfferedKeepsTheOffer() {
		AgentState agent = busyOnAChatWithAnotherOffered();

		agent.complete(Channel.CHAT, WRAP_UP, T0.plusSeconds(30));

		assertThat(agent.presence()).isEqualTo(Presence.OFFERED);
		assertThat(agent.pendingOffer()).isEqualTo(other);
		assertThat(agent.openContacts()).isZero();
	}

	@Test
	void finishingTheLastContactWhileAnotherIsOfferedStartsTheIdleTimeThen() {
		AgentState agent = busyOnAChatWithAnotherOffered();

		agent.complete(Channel.CHAT, WRAP_UP, T0.plusSeconds(30));
		agent.decline(other, T0.plusSeconds(40));

		assertThat(agent.presence()).isEqualTo(Presence.AVAILABLE);
		assertThat(agent.idleSince()).isEqualTo(T0.plusSeconds(30));
	}

	@Test
	void cannotCompleteAContactOnAChannelItIsNotHandling() {
		assertRejectedUnchanged(in(Presence.BUSY), a -> a.complete(Channel.CHAT, WRAP_UP, T0.plusSeconds(100)));
		assertRejectedUnchanged(in(Presence.AVAILABLE), a -> a.complete(Channel.VOICE, WRAP_UP, T0.plusSeconds(100)));
	}

	@Test
	void steppingAwayDuringWrapUpCancelsTheTimer() {
		AgentState agent = in(Presence.WRAP_UP);
		Instant due = agent.wrapUpUntil();

		agent.choose(Presence.AWAY, T0.plusSeconds(5));
		agent.endWrapUp(due);

		assertThat(agent.presence()).isEqualTo(Presence.AWAY);
		assertThat(agent.wrapUpUntil()).isNull();
	}

	@Test
	void anEarlierWrapUpTimerDoesNotEndALaterWrapUp() {
		AgentState agent = in(Presence.WRAP_UP);
		Instant firstDue = agent.wrapUpUntil();
		agent.choose(Presence.AVAILABLE, T0.plusSeconds(5));
		agent.offer(other, Channel.VOICE, T0.plusSeconds(6));
		agent.accept(other, T0.plusSeconds(7));
		agent.complete(Channel.VOICE, WRAP_UP, T0.plusSeconds(20));

		agent.endWrapUp(firstDue);

		assertThat(agent.presence()).isEqualTo(Presence.WRAP_UP);
		assertThat(agent.wrapUpUntil()).isEqualTo(T0.plusSeconds(20).plus(WRAP_UP));
	}

	@Test
	void contactsTodayStartOverAtMidnightUtc() {
		AgentState agent = in(Presence.BUSY);
		Instant tomorrow = LocalDate.ofInstant(T0, ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		assertThat(agent.contactsToday(T0)).isEqualTo(1);
		assertThat(agent.contactsToday(tomorrow)).isZero();

		agent.complete(Channel.VOICE, Duration.ZERO, tomorrow.plusSeconds(5));
		agent.offer(other, Channel.VOICE, tomorrow.plusSeconds(10));
		agent.accept(other, tomorrow.plusSeconds(11));

		assertThat(agent.contactsToday(tomorrow.plusSeconds(11))).isEqualTo(1);
		assertThat(agent.today()).isEqualTo(LocalDate.ofInstant(tomorrow, ZoneOffset.UTC));
	}

	// ---- events ----------------------------------------------------------------------------------------

	@Test
	void presenceMovesAreDrainedOnceInOrder() {
		AgentState agent = new AgentState(id, T0);
		agent.choose(Presence.AVAILABLE, T0.plusSeconds(1));
		agent.offer(call, Channel.VOICE, T0.plusSeconds(2));
		agent.accept(call, T0.plusSeconds(3));
		agent.complete(Channel.VOICE, WRAP_UP, T0.plusSeconds(60));

		assertThat(agent.drainMoves()).containsExactly(
				new AgentPresenceChanged(id, Presence.OFFLINE, Presence.AVAILABLE, T0.plusSeconds(1)),
				new AgentPresenceChanged(id, Presence.AVAILABLE, Presence.OFFERED, T0.plusSeconds(2)),
				new AgentPresenceChanged(id, Presence.OFFERED, Presence.BUSY, T0.plusSeconds(3)),
				new AgentPresenceChanged(id, Presence.BUSY, Presence.WRAP_UP, T0.plusSeconds(60)));
		assertThat(agent.drainMoves()).isEmpty();
	}

	// ---- helpers ---------------------------------------------------------------------------------------

	/** An agent brought into {@code presence} by legal moves, one second apart from {@link ContactFixtures#T0}. */
	private AgentState in(Presence presence) {
		AgentState agent = new AgentState(id, T0);
		switch (presence) {
			case OFFLINE -> {
			}
			case AVAILABLE -> agent.choose(Presence.AVAILABLE, T0.plusSeconds(1));
			case AWAY -> agent.choose(Presence.AWAY, T0.plusSeconds(1));
			case OFFERED -> {
				agent.choose(Presence.AVAILABLE, T0.plusSeconds(1));
				agent.offer(call, Channel.VOICE, T0.plusSeconds(2));
			}
			case BUSY -> {
				agent.choose(Presence.AVAILABLE, T0.plusSeconds(1));
				agent.offer(call, Channel.VOICE, T0.plusSeconds(2));
				agent.accept(call, T0.plusSeconds(3));
			}
			case WRAP_UP -> {
				agent.choose(Presence.AVAILABLE, T0.plusSeconds(1));
				agent.offer(call, Channel.VOICE, T0.plusSeconds(2));
				agent.accept(call, T0.plusSeconds(3));
				agent.complete(Channel.VOICE, WRAP_UP, T0.plusSeconds(4));
			}
		}
		assertThat(agent.presence()).isEqualTo(presence);
		agent.drainMoves();
		return agent;
	}

	private AgentState busyOnAChatWithAnotherOffered() {
		AgentState agent = new AgentState(id, T0);
		agent.choose(Presence.AVAILABLE, T0.plusSeconds(1));
		agent.offer(chat, Channel.CHAT, T0.plusSeconds(2));
		agent.accept(chat, T0.plusSeconds(3));
		agent.offer(other, Channel.CHAT, T0.plusSeconds(10));
		agent.drainMoves();
		return agent;
	}

	private static void assertRejectedUnchanged(AgentState agent, Consumer<AgentState> move) {
		Snapshot before = Snapshot.of(agent);

		assertThatThrownBy(() -> move.accept(agent)).isInstanceOf(Conflict.class);

		assertThat(Snapshot.of(agent)).isEqualTo(before);
		assertThat(agent.drainMoves()).isEmpty();
	}

	private record Snapshot(Presence presence, Instant since, Map<Channel, Integer> active, UUID pendingOffer,
			Channel pendingChannel, int missedInARow, Instant wrapUpUntil, Instant idleSince, LocalDate today,
			int contactsToday) {

		static Snapshot of(AgentState agent) {
			return new Snapshot(agent.presence(), agent.since(), agent.activeByChannel(), agent.pendingOffer(),
					agent.pendingChannel(), agent.missedInARow(), agent.wrapUpUntil(), agent.idleSince(), agent.today(),
					agent.contactsToday(agent.since()));
		}
	}
}
