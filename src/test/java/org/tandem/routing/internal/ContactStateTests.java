package org.tandem.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.routing.internal.ContactFixtures.T0;
import static org.tandem.routing.internal.ContactFixtures.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tandem.core.Conflict;
import org.tandem.routing.ContactStatus;

class ContactStateTests {

	private final UUID dana = UUID.randomUUID();
	private final UUID eli = UUID.randomUUID();

	@Test
	void aNewContactIsWaiting() {
		ContactState contact = ContactFixtures.waitingCouple();

		assertThat(contact.status()).isEqualTo(ContactStatus.WAITING);
		assertThat(contact.offeredTo()).isNull();
		assertThat(contact.passedOver()).isEmpty();
		assertThat(contact.queuedAt()).isEqualTo(contact.arrivedAt());
	}

	@Test
	void aWaitingContactIsOfferedToOneAgentUntilTheOfferExpires() {
		ContactState contact = in(ContactStatus.WAITING);

		contact.offer(dana, 2, T0.plusSeconds(20));

		assertThat(contact.status()).isEqualTo(ContactStatus.OFFERED);
		assertThat(contact.offeredTo()).isEqualTo(dana);
		assertThat(contact.offerStep()).isEqualTo(2);
		assertThat(contact.offerExpiresAt()).isEqualTo(T0.plusSeconds(20));
	}

	@ParameterizedTest
	@EnumSource(value = ContactStatus.class, names = "WAITING", mode = EnumSource.Mode.EXCLUDE)
	void isOfferedOnlyWhileWaiting(ContactStatus status) {
		assertRejectedUnchanged(in(status), c -> c.offer(eli, 0, T0.plusSeconds(90)));
	}

	@Test
	void theOfferedAgentAcceptsIt() {
		ContactState contact = in(ContactStatus.OFFERED);

		contact.accept(dana, T0.plusSeconds(12));

		assertThat(contact.status()).isEqualTo(ContactStatus.ASSIGNED);
		assertThat(contact.assignedTo()).isEqualTo(dana);
		assertThat(contact.assignedAt()).isEqualTo(T0.plusSeconds(12));
		assertThat(contact.offeredTo()).isNull();
		assertThat(contact.offerExpiresAt()).isNull();
	}

	@Test
	void noOtherAgentCanAcceptOrPassOverAnOffer() {
		ContactState contact = in(ContactStatus.OFFERED);

		assertRejectedUnchanged(contact, c -> c.accept(eli, T0.plusSeconds(12)));
		assertRejectedUnchanged(contact, c -> c.passOver(eli));
	}

	@ParameterizedTest
	@EnumSource(value = ContactStatus.class, names = "OFFERED", mode = EnumSource.Mode.EXCLUDE)
	void isAcceptedOrPassedOverOnlyWhileOffered(ContactStatus status) {
		assertRejectedUnchanged(in(status), c -> c.accept(dana, T0.plusSeconds(90)));
		assertRejectedUnchanged(in(status), c -> c.passOver(dana));
		assertRejectedUnchanged(in(status), ContactState::returnOffer);
	}

	@Test
	void aDeclinedOrMissedOfferSendsItBackInLineWithoutThatAgent() {
		ContactState contact = in(ContactStatus.OFFERED);

		contact.passOver(dana);

		assertThat(contact.status()).isEqualTo(ContactStatus.WAITING);
		assertThat(contact.offeredTo()).isNull();
		assertThat(contact.offerExpiresAt()).isNull();
		assertThat(contact.passedOver()).containsExactly(dana);

		contact.offer(eli, 1, T0.plusSeconds(40));
		contact.passOver(eli);

		assertThat(contact.passedOver()).containsExactlyInAnyOrder(dana, eli);
		assertThat(contact.passedOverView()).containsExactlyInAnyOrder(dana, eli);
	}

	@Test
	void aReturnedOfferSendsItBackInLineWithTheAgentStillEligible() {
		ContactState contact = in(ContactStatus.OFFERED);

		contact.returnOffer();

		assertThat(contact.status()).isEqualTo(ContactStatus.WAITING);
		assertThat(contact.offeredTo()).isNull();
		assertThat(contact.passedOver()).isEmpty();
	}

	@Test
	void theAssignedAgentCompletesIt() {
		ContactState contact = in(ContactStatus.ASSIGNED);

		contact.complete(dana, T0.plusSeconds(600));

		assertThat(contact.status()).isEqualTo(ContactStatus.COMPLETED);
		assertThat(contact.endedAt()).isEqualTo(T0.plusSeconds(600));
		assertThat(contact.status().isOpen()).isFalse();
	}

	@Test
	void onlyTheAssignedAgentCompletesIt() {
		assertRejectedUnchanged(in(ContactStatus.ASSIGNED), c -> c.complete(eli, T0.plusSeconds(600)));
	}

	@ParameterizedTest
	@EnumSource(value = ContactStatus.class, names = "ASSIGNED", mode = EnumSource.Mode.EXCLUDE)
	void isCompletedOnlyOnceAssigned(ContactStatus status) {
		assertRejectedUnchanged(in(status), c -> c.complete(dana, T0.plusSeconds(600)));
	}

	@ParameterizedTest
	@EnumSource(value = ContactStatus.class, names = { "WAITING", "OFFERED" })
	void isAbandonedWhileWaitingOrOffered(ContactStatus status) {
		ContactState contact = in(status);

		contact.abandon(T0.plusSeconds(45));

		assertThat(contact.status()).isEqualTo(ContactStatus.ABANDONED);
		assertThat(contact.offeredTo()).isNull();
		assertThat(contact.endedAt()).isEqualTo(T0.plusSeconds(45));
		assertThat(contact.waited(T0.plusSeconds(45))).isEqualTo(Duration.ofSeconds(45));
	}

	@ParameterizedTest
	@EnumSource(value = ContactStatus.class, names = { "ASSIGNED", "COMPLETED", "ABANDONED", "DIVERTED" })
	void cannotBeAbandonedOnceTakenOrEnded(ContactStatus status) {
		assertRejectedUnchanged(in(status), c -> c.abandon(T0.plusSeconds(900)));
	}

	@ParameterizedTest
	@EnumSource(value = ContactStatus.class, names = { "WAITING", "OFFERED" })
	void isDivertedWhileWaitingOrOffered(ContactStatus status) {
		ContactState contact = in(status);

		contact.divert(T0.plusSeconds(45));

		assertThat(contact.status()).isEqualTo(ContactStatus.DIVERTED);
		assertThat(contact.offeredTo()).isNull();
		assertThat(contact.endedAt()).isEqualTo(T0.plusSeconds(45));
	}

	@ParameterizedTest
	@EnumSource(value = ContactStatus.class, names = { "ASSIGNED", "COMPLETED", "ABANDONED", "DIVERTED" })
	void cannotBeDivertedOnceTakenOrEnded(ContactStatus status) {
		assertRejectedUnchanged(in(status), c -> c.divert(T0.plusSeconds(900)));
	}

	@Test
	void aCallbackWaitsFromTheOriginalArrivalUntilAssigned() {
		Instant called = T0.minusSeconds(3600);
		ContactState callback = contact().arrivedAt(called).queuedAt(T0).build();
		callback.offer(dana, 0, T0.plusSeconds(20));
		callback.accept(dana, T0.plusSeconds(10));

		assertThat(callback.waited(T0.plusSeconds(500))).isEqualTo(Duration.ofSeconds(3610));
	}

	@Test
	void thePassedOverSetItHandsOutIsACopy() {
		ContactState contact = in(ContactStatus.OFFERED);
		Set<UUID> before = contact.passedOver();

		contact.passOver(dana);

		assertThat(before).isEmpty();
		assertThatThrownBy(() -> contact.passedOver().add(eli)).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> contact.passedOverView().add(eli)).isInstanceOf(UnsupportedOperationException.class);
	}

	/** A contact brought into {@code status} by legal moves, offered to and taken by Dana. */
	private ContactState in(ContactStatus status) {
		ContactState contact = ContactFixtures.waitingCouple();
		switch (status) {
			case WAITING -> {
			}
			case OFFERED -> contact.offer(dana, 0, T0.plusSeconds(20));
			case ASSIGNED -> {
				contact.offer(dana, 0, T0.plusSeconds(20));
				contact.accept(dana, T0.plusSeconds(5));
			}
			case COMPLETED -> {
				contact.offer(dana, 0, T0.plusSeconds(20));
				contact.accept(dana, T0.plusSeconds(5));
				contact.complete(dana, T0.plusSeconds(300));
			}
			case ABANDONED -> contact.abandon(T0.plusSeconds(30));
			case DIVERTED -> contact.divert(T0.plusSeconds(30));
		}
		assertThat(contact.status()).isEqualTo(status);
		return contact;
	}

	private static void assertRejectedUnchanged(ContactState contact, Consumer<ContactState> move) {
		Snapshot before = Snapshot.of(contact);

		assertThatThrownBy(() -> move.accept(contact)).isInstanceOf(Conflict.class);

		assertThat(Snapshot.of(contact)).isEqualTo(before);
	}

	private record Snapshot(ContactStatus status, UUID offeredTo, Instant offerExpiresAt, int offerStep,
			UUID assignedTo, Instant assignedAt, Instant endedAt, Set<UUID> passedOver) {

		static Snapshot of(ContactState contact) {
			return new Snapshot(contact.status(), contact.offeredTo(), contact.offerExpiresAt(), contact.offerStep(),
					contact.assignedTo(), contact.assignedAt(), contact.endedAt(), contact.passedOver());
		}
	}
}
