package org.tandem.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.tandem.routing.internal.ContactFixtures.QUEUE;
import static org.tandem.routing.internal.ContactFixtures.T0;
import static org.tandem.routing.internal.ContactFixtures.contact;
import static org.tandem.routing.internal.StaffFixtures.frontDesk;
import static org.tandem.routing.internal.StaffFixtures.therapist;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.core.Channel;
import org.tandem.core.Conflict;
import org.tandem.core.NotFound;
import org.tandem.core.Population;
import org.tandem.core.UsState;
import org.tandem.directory.LicenseStatus;
import org.tandem.directory.LicenseType;
import org.tandem.directory.StaffMember;
import org.tandem.directory.Verification;
import org.tandem.routing.AgentPresenceChanged;
import org.tandem.routing.ContactAbandoned;
import org.tandem.routing.ContactAssigned;
import org.tandem.routing.ContactCompleted;
import org.tandem.routing.ContactDiverted;
import org.tandem.routing.ContactOffered;
import org.tandem.routing.ContactQueued;
import org.tandem.routing.ContactRequeued;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.Explanation;
import org.tandem.routing.HardFilter;
import org.tandem.routing.OfferDeclined;
import org.tandem.routing.OfferTimedOut;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;
import org.tandem.routing.Strategy;
import org.tandem.routing.Weights;

/** The engine's commands and timers, played as the routing loop would play them, one instant at a time. */
class EngineTests {

	private static final Duration OFFER_TIMEOUT = Duration.ofSeconds(20);
	private static final Duration WRAP_UP = Duration.ofSeconds(30);

	private final Engine engine = new Engine(new RoutingProperties(2, WRAP_UP, 40));
	private final Map<String, StaffMember> staff = new LinkedHashMap<>();
	private final Map<UUID, String> names = new LinkedHashMap<>();

	@BeforeEach
	void oneStepQueue() {
		engine.defineQueue(new QueueDefinition(QUEUE, List.of(new RoutingStep("licensed therapists",
				StepTarget.THERAPISTS, Set.of(HardFilter.LICENSED, HardFilter.LANGUAGE), Weights.DEFAULT,
				Strategy.BEST_FIT, null)), OFFER_TIMEOUT));
	}

	// ---- offering ----------------------------------------------------------------------------------------

	@Test
	void offersANewContactAtOnceToTheBestAvailableAgent() {
		hire(therapist("Lee").licensedIn(UsState.CA).serves(Population.LESBIAN_COUPLES),
				therapist("Hal").licensedIn(UsState.CA));
		signIn("Hal", "Lee");
		ContactState couple = ContactFixtures.waitingCouple();

		Changes changes = engine.enqueue(couple, T0);

		assertThat(changes.events()).containsExactly(
				new ContactQueued(couple.id(), QUEUE, Channel.VOICE, 0, T0),
				new AgentPresenceChanged(id("Lee"), Presence.AVAILABLE, Presence.OFFERED, T0),
				new ContactOffered(couple.id(), id("Lee"), QUEUE, Channel.VOICE, 0, T0.plus(OFFER_TIMEOUT)));
		assertThat(couple.status()).isEqualTo(ContactStatus.OFFERED);
		assertThat(agent("Lee").pendingOffer()).isEqualTo(couple.id());
		assertThat(changes.contacts()).containsExactly(couple);
		assertThat(changes.agents()).containsExactly(agent("Lee"));
		assertThat(engine.waitingIn(QUEUE)).isEmpty();
	}

	@Test
	void aContactNobodyCanTakeWaitsAndSaysWhy() {
		hire(therapist("Nia").licensedIn(UsState.NY), therapist("Ana").licensedIn(UsState.CA).speaks("es"),
				therapist("Cal").licensedIn(UsState.CA), frontDesk("Desk"));
		signIn("Nia", "Ana", "Cal", "Desk");
		engine.choosePresence(id("Cal"), Presence.AWAY, T0);
		ContactState contact = contact().build();

		Changes changes = engine.enqueue(contact, T0);

		assertThat(changes.events()).containsExactly(new ContactQueued(contact.id(), QUEUE, Channel.VOICE, 0, T0));
		assertThat(engine.waitingIn(QUEUE)).containsExactly(contact);
		Explanation explanation = single(changes.explanations());
		assertThat(explanation.chosen()).isNull();
		assertThat(explanation.step()).isZero();
		assertThat(failures(explanation)).containsExactly(
				Map.entry("Ana", List.of(HardFilter.LANGUAGE)),
				Map.entry("Cal", List.of(HardFilter.PRESENCE)),
				Map.entry("Nia", List.of(HardFilter.LICENSED)),
				Map.entry("Desk", List.of(HardFilter.TARGET, HardFilter.LICENSED)));
		assertThat(explanation.candidates()).allSatisfy(candidate -> assertThat(candidate.qualifiesAtStep()).isEqualTo(-1));
		assertThat(explanation.failedCounts()).isEqualTo(Map.of(HardFilter.LICENSED, 2, HardFilter.LANGUAGE, 1,
				HardFilter.PRESENCE, 1, HardFilter.TARGET, 1));
		assertThat(explanation.summary()).startsWith("No one of 4 staff can take it at step 1 (licensed therapists)");
	}

	@Test
	void aSecondContactUnderAnOpenContactsIdIsRefusedAndChangesNothing() {
		hire(therapist("Nia").licensedIn(UsState.NY));
		ContactState contact = contact().build();
		engine.enqueue(contact, T0);

		assertThatThrownBy(() -> engine.enqueue(contact().id(contact.id()).build(), T0.plusSeconds(1)))
			.isInstanceOf(Conflict.class);
		assertThat(engine.waitingIn(QUEUE)).containsExactly(contact);
	}

	@Test
	void theExplanationOfAnOfferShowsTheChosenAgentPassingEveryFilter() {
		hire(therapist("Lee").licensedIn(UsState.CA).serves(Population.LESBIAN_COUPLES).specialties("communication"),
				therapist("Hal").licensedIn(UsState.CA), therapist("Nia").licensedIn(UsState.NY));
		signIn("Hal", "Lee", "Nia");
		ContactState couple = ContactFixtures.waitingCouple();

		Explanation explanation = single(engine.enqueue(couple, T0).explanations());

		assertThat(explanation.chosen()).isEqualTo(id("Lee"));
		assertThat(explanation.chosenName()).isEqualTo("Lee");
		assertThat(explanation.summary()).isEqualTo("Offered to Lee at step 1 (licensed therapists, best fit)");
		assertThat(failures(explanation)).containsExactly(
				Map.entry("Lee", List.of()),
				Map.entry("Hal", List.of()),
				Map.entry("Nia", List.of(HardFilter.LICENSED)));
		Explanation.Candidate lee = explanation.candidates().get(0);
		assertThat(lee.qualifiesAtStep()).isZero();
		assertThat(lee.score()).isEqualTo(70.0);
		assertThat(lee.scores()).containsExactly(Map.entry("population", 40.0), Map.entry("specialty", 20.0),
				Map.entry("fee", 10.0));
		assertThat(explanation.failedCounts()).isEqualTo(Map.of(HardFilter.LICENSED, 1));
	}

	@Test
	void anAgentHasOneOfferAtATime() {
		hire(therapist("Lee").licensedIn(UsState.CA).capacity(Channel.CHAT, 2));
		signIn("Lee");
		ContactState call = contact().build();
		ContactState chat = contact().channel(Channel.CHAT).arrivedAt(T0.plusSeconds(1)).build();
		engine.enqueue(call, T0);

		Changes queued = engine.enqueue(chat, T0.plusSeconds(1));

		assertThat(events(queued, ContactOffered.class)).isEmpty();
		assertThat(chat.status()).isEqualTo(ContactStatus.WAITING);

		Changes accepted = engine.accept(call.id(), id("Lee"), T0.plusSeconds(4));

		assertThat(events(accepted, ContactOffered.class)).extracting(ContactOffered::contactId).containsExactly(chat.id());
		assertThat(agent("Lee").presence()).isEqualTo(Presence.OFFERED);
		assertThat(agent("Lee").active(Channel.VOICE)).isEqualTo(1);
	}

	@Test
	void refusesAnAnswerThatComesAfterTheOfferRanOut() {
		hire(therapist("Lee").licensedIn(UsState.CA));
		signIn("Lee");
		ContactState call = contact().build();
		engine.enqueue(call, T0);

		assertThatThrownBy(() -> engine.accept(call.id(), id("Lee"), T0.plus(OFFER_TIMEOUT)))
			.isInstanceOf(org.tandem.core.Conflict.class)
			.hasMessageContaining("ran out");
		assertThat(call.status()).isEqualTo(ContactStatus.OFFERED);
		assertThat(events(engine.tick(T0.plus(OFFER_TIMEOUT)), OfferTimedOut.class)).hasSize(1);
	}

	@Test
	void aBusyAgentTakesChatsUpToTheirCapacity() {
		hire(therapist("Lee").licensedIn(UsState.CA).capacity(Channel.CHAT, 2));
		signIn("Lee");
		var chats = new ArrayList<ContactState>();
		for (int i = 0; i < 3; i++) {
			chats.add(contact().channel(Channel.CHAT).arrivedAt(T0.plusSeconds(i)).build());
			engine.enqueue(chats.get(i), T0.plusSeconds(i));
		}

		engine.accept(chats.get(0).id(), id("Lee"), T0.plusSeconds(5));
		engine.accept(chats.get(1).id(), id("Lee"), T0.plusSeconds(6));

		assertThat(agent("Lee").active(Channel.CHAT)).isEqualTo(2);
		assertThat(chats.get(2).status()).isEqualTo(ContactStatus.WAITING);

		Changes completed = engine.complete(chats.get(0).id(), id("Lee"), T0.plusSeconds(60));

		assertThat(events(completed, ContactOffered.class)).extracting(ContactOffered::contactId)
			.containsExactly(chats.get(2).id());
		assertThat(agent("Lee").active(Channel.CHAT)).isEqualTo(1);
	}

	// ---- offers that are not taken -----------------------------------------------------------------------

	@Test
	void anOfferThatRunsOutGoesToTheNextCandidate() {
		hire(therapist("Lee").licensedIn(UsState.CA).serves(Population.LESBIAN_COUPLES),
				therapist("Hal").licensedIn(UsState.CA));
		signIn("Lee", "Hal");
		ContactState couple = ContactFixtures.waitingCouple();
		engine.enqueue(couple, T0);

		assertThat(engine.tick(T0.plus(OFFER_TIMEOUT).minusMillis(1)).events()).isEmpty();

		Changes expired = engine.tick(T0.plus(OFFER_TIMEOUT));

		assertThat(events(expired, OfferTimedOut.class)).containsExactly(new OfferTimedOut(couple.id(), id("Lee")));
		assertThat(events(expired, ContactOffered.class)).containsExactly(new ContactOffered(couple.id(), id("Hal"),
				QUEUE, Channel.VOICE, 0, T0.plus(OFFER_TIMEOUT).plus(OFFER_TIMEOUT)));
		assertThat(agent("Lee").presence()).isEqualTo(Presence.AVAILABLE);
		assertThat(agent("Lee").missedInARow()).isEqualTo(1);
		assertThat(couple.passedOver()).containsExactly(id("Lee"));
	}

	@Test
	void whoLetAnOfferRunOutIsNotOfferedThatContactAgain() {
		hire(therapist("Lee").licensedIn(UsState.CA));
		signIn("Lee");
		ContactState first = contact().build();
		engine.enqueue(first, T0);

		Changes expired = engine.tick(T0.plus(OFFER_TIMEOUT));
		Changes later = engine.tick(T0.plusSeconds(300));

		assertThat(events(expired, ContactOffered.class)).isEmpty();
		assertThat(events(later, ContactOffered.class)).isEmpty();
		assertThat(engine.waitingIn(QUEUE)).containsExactly(first);

		ContactState second = contact().arrivedAt(T0.plusSeconds(301)).build();
		Changes next = engine.enqueue(second, T0.plusSeconds(301));

		assertThat(events(next, ContactOffered.class)).extracting(ContactOffered::contactId).containsExactly(second.id());
	}

	@Test
	void offersMissedInARowSetTheAgentAway() {
		hire(therapist("Lee").licensedIn(UsState.CA));
		signIn("Lee");
		engine.enqueue(contact().build(), T0);
		engine.tick(T0.plus(OFFER_TIMEOUT));
		engine.enqueue(contact().arrivedAt(T0.plusSeconds(25)).build(), T0.plusSeconds(25));

		Changes expired = engine.tick(T0.plusSeconds(45));

		assertThat(events(expired, AgentPresenceChanged.class))
			.containsExactly(new AgentPresenceChanged(id("Lee"), Presence.OFFERED, Presence.AWAY, T0.plusSeconds(45)));
		assertThat(agent("Lee").missedInARow()).isEqualTo(2);
		assertThat(engine.waitingIn(QUEUE)).hasSize(2);
	}

	@Test
	void aDeclinedContactGoesToTheNextCandidateAndNeverBackToWhoDeclined() {
		hire(therapist("Lee").licensedIn(UsState.CA).serves(Population.LESBIAN_COUPLES),
				therapist("Hal").licensedIn(UsState.CA));
		signIn("Lee", "Hal");
		ContactState couple = ContactFixtures.waitingCouple();
		engine.enqueue(couple, T0);

		Changes declined = engine.decline(couple.id(), id("Lee"), T0.plusSeconds(3));

		assertThat(events(declined, OfferDeclined.class)).containsExactly(new OfferDeclined(couple.id(), id("Lee")));
		assertThat(events(declined, ContactOffered.class)).extracting(ContactOffered::agentId).containsExactly(id("Hal"));
		assertThat(agent("Lee").presence()).isEqualTo(Presence.AVAILABLE);
		assertThat(agent("Lee").missedInARow()).isZero();

		engine.decline(couple.id(), id("Hal"), T0.plusSeconds(6));
		Changes clickedAgain = engine.choosePresence(id("Lee"), Presence.AVAILABLE, T0.plusSeconds(7));

		assertThat(events(clickedAgain, ContactOffered.class)).isEmpty();
		assertThat(couple.status()).isEqualTo(ContactStatus.WAITING);
		assertThat(couple.passedOver()).containsExactlyInAnyOrder(id("Lee"), id("Hal"));
	}

	@Test
	void onlyTheAgentWhoHasTheOfferCanAcceptOrDeclineIt() {
		hire(therapist("Lee").licensedIn(UsState.CA), therapist("Hal").licensedIn(UsState.CA));
		signIn("Lee", "Hal");
		ContactState contact = contact().build();
		engine.enqueue(contact, T0);

		assertThatThrownBy(() -> engine.accept(contact.id(), id("Hal"), T0.plusSeconds(1))).isInstanceOf(Conflict.class);
		assertThatThrownBy(() -> engine.decline(contact.id(), id("Hal"), T0.plusSeconds(1))).isInstanceOf(Conflict.class);

		assertThat(contact.offeredTo()).isEqualTo(id("Lee"));
		assertThat(agent("Hal").presence()).isEqualTo(Presence.AVAILABLE);
		assertThat(contact.passedOver()).isEmpty();
	}

	@Test
	void anOfferThatRanOutCanNoLongerBeAccepted() {
		hire(therapist("Lee").licensedIn(UsState.CA));
		signIn("Lee");
		ContactState contact = contact().build();
		engine.enqueue(contact, T0);
		engine.tick(T0.plus(OFFER_TIMEOUT));

		assertThatThrownBy(() -> engine.accept(contact.id(), id("Lee"), T0.plusSeconds(21))).isInstanceOf(Conflict.class);
		assertThat(contact.status()).isEqualTo(ContactStatus.WAITING);
	}

	// ---- serving order -----------------------------------------------------------------------------------

	@Test
	void priorityComesBeforeArrival() {
		hire(therapist("Lee").licensedIn(UsState.CA));
		ContactState early = contact().build();
		ContactState later = contact().arrivedAt(T0.plusSeconds(5)).build();
		ContactState crisis = contact().priority(9).arrivedAt(T0.plusSeconds(10)).build();
		engine.enqueue(early, T0);
		engine.enqueue(later, T0.plusSeconds(5));
		engine.enqueue(crisis, T0.plusSeconds(10));

		assertThat(engine.waitingIn(QUEUE)).containsExactly(crisis, early, later);

		Changes signedIn = engine.choosePresence(id("Lee"), Presence.AVAILABLE, T0.plusSeconds(20));

		assertThat(events(signedIn, ContactOffered.class)).extracting(ContactOffered::contactId).containsExactly(crisis.id());
	}

	@Test
	void aCallbackKeepsThePlaceOfTheCallItReplaces() {
		hire(therapist("Cb").licensedIn(UsState.CA).capacity(Channel.CALLBACK, 1));
		ContactState first = contact().build();
		ContactState second = contact().arrivedAt(T0.plusSeconds(60)).build();
		Instant calledBefore = T0.minusSeconds(120);
		ContactState callback = contact().channel(Channel.CALLBACK).arrivedAt(calledBefore).queuedAt(T0.plusSeconds(120))
			.build();
		engine.enqueue(first, T0);
		engine.enqueue(second, T0.plusSeconds(60));
		engine.enqueue(callback, T0.plusSeconds(120));

		assertThat(engine.waitingIn(QUEUE)).containsExactly(callback, first, second);

		engine.choosePresence(id("Cb"), Presence.AVAILABLE, T0.plusSeconds(130));
		Changes accepted = engine.accept(callback.id(), id("Cb"), T0.plusSeconds(135));

		assertThat(events(accepted, ContactAssigned.class)).containsExactly(new ContactAssigned(callback.id(), id("Cb"),
				QUEUE, Channel.CALLBACK, Duration.ofSeconds(255)));
	}

	// ---- leaving, taking, finishing ------------------------------------------------------------------------

	@Test
	void aCallerWhoHangsUpWhileWaitingIsAbandonedWithTheirWait() {
		ContactState contact = contact().build();
		engine.enqueue(contact, T0);

		Changes withdrawn = engine.withdraw(contact.id(), T0.plusSeconds(42));

		assertThat(withdrawn.events())
			.containsExactly(new ContactAbandoned(contact.id(), QUEUE, Channel.VOICE, Duration.ofSeconds(42)));
		assertThat(contact.status()).isEqualTo(ContactStatus.ABANDONED);
		assertThat(withdrawn.contacts()).containsExactly(contact);
		assertThat(engine.waitingIn(QUEUE)).isEmpty();
		assertThat(engine.openContacts()).isEmpty();
		assertThatThrownBy(() -> engine.withdraw(contact.id(), T0.plusSeconds(43))).isInstanceOf(Conflict.class);
	}

	@Test
	void aCallerWhoChoosesACallbackIsDivertedNotAbandonedAndTheirOfferEnds() {
		hire(therapist("Lee").licensedIn(UsState.CA));
		signIn("Lee");
		ContactState contact = contact().build();
		engine.enqueue(contact, T0);

		Changes diverted = engine.divert(contact.id(), T0.plusSeconds(50));

		assertThat(diverted.events())
			.contains(new ContactDiverted(contact.id(), QUEUE, Channel.VOICE, Duration.ofSeconds(50)))
			.noneMatch(ContactAbandoned.class::isInstance);
		assertThat(contact.status()).isEqualTo(ContactStatus.DIVERTED);
		assertThat(engine.openContacts()).isEmpty();
		assertThat(agent("Lee").presence()).isEqualTo(Presence.AVAILABLE);
		assertThatThrownBy(() -> engine.withdraw(contact.id(), T0.plusSeconds(51))).isInstanceOf(Conflict.class);
	}

	@Test
	void aCallerWhoHangsUpWhileOfferedFreesTheAgentForTheNextContact() {
		hire(therapist("Lee").licensedIn(UsState.CA));
		signIn("Lee");
		ContactState first = contact().build();
		ContactState second = contact().arrivedAt(T0.plusSeconds(2)).build();
		engine.enqueue(first, T0);
		engine.enqueue(second, T0.plusSeconds(2));

		Changes withdrawn = engine.withdraw(first.id(), T0.plusSeconds(5));

		assertThat(events(withdrawn, ContactAbandoned.class))
			.containsExactly(new ContactAbandoned(first.id(), QUEUE, Channel.VOICE, Duration.ofSeconds(5)));
		assertThat(events(withdrawn, ContactOffered.class)).extracting(ContactOffered::contactId)
			.containsExactly(second.id());
		assertThat(agent("Lee").missedInARow()).isZero();
		assertThat(events(engine.tick(T0.plus(OFFER_TIMEOUT)), OfferTimedOut.class)).isEmpty();
	}

	@Test
	void acceptingAssignsTheContactAndReportsItsWaitFromArrival() {
		hire(therapist("Lee").licensedIn(UsState.CA));
		ContactState contact = contact().build();
		engine.enqueue(contact, T0);
		engine.choosePresence(id("Lee"), Presence.AVAILABLE, T0.plusSeconds(10));

		Changes accepted = engine.accept(contact.id(), id("Lee"), T0.plusSeconds(13));

		assertThat(events(accepted, ContactAssigned.class))
			.containsExactly(new ContactAssigned(contact.id(), id("Lee"), QUEUE, Channel.VOICE, Duration.ofSeconds(13)));
		assertThat(contact.status()).isEqualTo(ContactStatus.ASSIGNED);
		assertThat(agent("Lee").presence()).isEqualTo(Presence.BUSY);
		assertThat(engine.tick(T0.plusSeconds(30)).events()).isEmpty();
	}

	@Test
	void completingStartsWrapUpAndTheNextOfferWaitsForItsEnd() {
		hire(therapist("Lee").licensedIn(UsState.CA));
		signIn("Lee");
		ContactState first = contact().build();
		ContactState second = contact().arrivedAt(T0.plusSeconds(30)).build();
		engine.enqueue(first, T0);
		engine.accept(first.id(), id("Lee"), T0.plusSeconds(5));
		engine.enqueue(second, T0.plusSeconds(30));
		Instant done = T0.plusSeconds(305);

		Changes completed = engine.complete(first.id(), id("Lee"), done);

		assertThat(completed.events()).containsExactly(
				new AgentPresenceChanged(id("Lee"), Presence.BUSY, Presence.WRAP_UP, done),
				new ContactCompleted(first.id(), id("Lee"), QUEUE, Channel.VOICE, Duration.ofSeconds(300)));
		assertThat(first.status()).isEqualTo(ContactStatus.COMPLETED);
		assertThat(engine.openContacts()).containsExactly(second);
		assertThat(engine.tick(done.plus(WRAP_UP).minusMillis(1)).events()).isEmpty();

		Changes wrappedUp = engine.tick(done.plus(WRAP_UP));

		assertThat(events(wrappedUp, AgentPresenceChanged.class)).extracting(AgentPresenceChanged::to)
			.containsExactly(Presence.AVAILABLE, Presence.OFFERED);
		assertThat(events(wrappedUp, ContactOffered.class)).extracting(ContactOffered::contactId)
			.containsExactly(second.id());
		assertThatThrownBy(() -> engine.complete(first.id(), id("Lee"), done.plusSeconds(60)))
			.isInstanceOf(Conflict.class);
	}

	@Test
	void onlyTheAssignedAgentCompletesAContact() {
		hire(therapist("Lee").licensedIn(UsState.CA), therapist("Hal").licensedIn(UsState.CA));
		signIn("Lee", "Hal");
		ContactState contact = contact().build();
		engine.enqueue(contact, T0);
		engine.accept(contact.id(), id("Lee"), T0.plusSeconds(2));

		assertThatThrownBy(() -> engine.complete(contact.id(), id("Hal"), T0.plusSeconds(60))).isInstanceOf(Conflict.class);
		assertThat(contact.status()).isEqualTo(ContactStatus.ASSIGNED);
		assertThat(agent("Hal").presence()).isEqualTo(Presence.AVAILABLE);
	}

	@Test
	void aContactThatNeverReachedTheAgentGoesBackInLineAtItsPlaceForSomeoneElse() {
		hire(therapist("Lee").licensedIn(UsState.CA), therapist("Hal").licensedIn(UsState.CA));
		signIn("Lee");
		ContactState first = contact().build();
		ContactState second = contact().arrivedAt(T0.plusSeconds(5)).build();
		engine.enqueue(first, T0);
		engine.accept(first.id(), id("Lee"), T0.plusSeconds(2));
		engine.enqueue(second, T0.plusSeconds(5));

		Changes requeued = engine.requeue(first.id(), id("Lee"), T0.plusSeconds(8));

		assertThat(events(requeued, ContactRequeued.class))
			.containsExactly(new ContactRequeued(first.id(), id("Lee"), QUEUE, Channel.VOICE));
		assertThat(first.status()).isEqualTo(ContactStatus.WAITING);
		assertThat(first.assignedTo()).isNull();
		assertThat(first.assignedAt()).isNull();
		assertThat(first.passedOver()).containsExactly(id("Lee"));
		// Lee, free again without a wrap-up, takes the next one in line; the first is never offered to Lee again.
		assertThat(events(requeued, ContactOffered.class)).extracting(ContactOffered::contactId).containsExactly(second.id());
		assertThat(agent("Lee").openContacts()).isZero();
		assertThat(agent("Lee").contactsToday(T0.plusSeconds(8))).isZero();

		engine.decline(second.id(), id("Lee"), T0.plusSeconds(9));
		assertThat(engine.waitingIn(QUEUE)).containsExactly(first, second);
		Changes halArrives = engine.choosePresence(id("Hal"), Presence.AVAILABLE, T0.plusSeconds(10));

		assertThat(events(halArrives, ContactOffered.class)).extracting(ContactOffered::contactId).containsExactly(first.id());
		Changes taken = engine.accept(first.id(), id("Hal"), T0.plusSeconds(12));
		assertThat(events(taken, ContactAssigned.class)).extracting(ContactAssigned::waited)
			.containsExactly(Duration.ofSeconds(12));
	}

	@Test
	void onlyTheAgentWhoHasTheContactCanPutItBackInLine() {
		hire(therapist("Lee").licensedIn(UsState.CA), therapist("Hal").licensedIn(UsState.CA));
		signIn("Lee", "Hal");
		ContactState contact = contact().build();
		engine.enqueue(contact, T0);

		assertThatThrownBy(() -> engine.requeue(contact.id(), id("Lee"), T0.plusSeconds(1))).isInstanceOf(Conflict.class);
		engine.accept(contact.id(), id("Lee"), T0.plusSeconds(2));
		assertThatThrownBy(() -> engine.requeue(contact.id(), id("Hal"), T0.plusSeconds(3))).isInstanceOf(Conflict.class);

		assertThat(contact.status()).isEqualTo(ContactStatus.ASSIGNED);
		assertThat(contact.assignedTo()).isEqualTo(id("Lee"));
		assertThat(agent("Lee").presence()).isEqualTo(Presence.BUSY);
		assertThat(agent("Hal").presence()).isEqualTo(Presence.AVAILABLE);

		engine.complete(contact.id(), id("Lee"), T0.plusSeconds(60));
		assertThatThrownBy(() -> engine.requeue(contact.id(), id("Lee"), T0.plusSeconds(61))).isInstanceOf(Conflict.class);
	}

	@Test
	void theSearchGoesOnWideningForAContactPutBackInLine() {
		useSteppedQueue();
		hire(therapist("Own").licensedIn(UsState.CA), therapist("Gen").licensedIn(UsState.CA));
		ContactState couple = returningCouple();
		engine.enqueue(couple, T0);
		engine.choosePresence(id("Own"), Presence.AVAILABLE, T0.plusSeconds(5));
		engine.accept(couple.id(), id("Own"), T0.plusSeconds(6));
		// The first step ends while the contact is taken: nothing widens for a contact that is not waiting.
		engine.tick(T0.plusSeconds(30));
		engine.choosePresence(id("Gen"), Presence.AVAILABLE, T0.plusSeconds(35));

		Changes requeued = engine.requeue(couple.id(), id("Own"), T0.plusSeconds(40));

		assertThat(events(requeued, ContactOffered.class)).isEmpty();
		Changes widened = engine.tick(T0.plusSeconds(90));
		assertThat(events(widened, ContactOffered.class)).extracting(ContactOffered::agentId, ContactOffered::step)
			.containsExactly(tuple(id("Gen"), 2));
	}

	// ---- presence ----------------------------------------------------------------------------------------

	@Test
	void steppingAwayWithAnOfferOnScreenHandsItToTheNextCandidateWithoutAMiss() {
		hire(therapist("Lee").licensedIn(UsState.CA).serves(Population.LESBIAN_COUPLES),
				therapist("Hal").licensedIn(UsState.CA));
		signIn("Lee", "Hal");
		ContactState couple = ContactFixtures.waitingCouple();
		engine.enqueue(couple, T0);

		Changes away = engine.choosePresence(id("Lee"), Presence.AWAY, T0.plusSeconds(4));

		assertThat(events(away, ContactOffered.class)).extracting(ContactOffered::agentId).containsExactly(id("Hal"));
		assertThat(agent("Lee").presence()).isEqualTo(Presence.AWAY);
		assertThat(agent("Lee").pendingOffer()).isNull();
		assertThat(agent("Lee").missedInARow()).isZero();
		assertThat(couple.passedOver()).isEmpty();

		engine.decline(couple.id(), id("Hal"), T0.plusSeconds(6));
		Changes back = engine.choosePresence(id("Lee"), Presence.AVAILABLE, T0.plusSeconds(9));

		assertThat(events(back, ContactOffered.class)).extracting(ContactOffered::agentId).containsExactly(id("Lee"));
	}

	@Test
	void aRefusedPresenceChangeLeavesTheOfferWhereItWas() {
		hire(therapist("Lee").licensedIn(UsState.CA).capacity(Channel.CHAT, 2), therapist("Hal").licensedIn(UsState.CA)
			.capacity(Channel.CHAT, 2));
		signIn("Lee");
		ContactState firstChat = contact().channel(Channel.CHAT).build();
		ContactState secondChat = contact().channel(Channel.CHAT).arrivedAt(T0.plusSeconds(1)).build();
		engine.enqueue(firstChat, T0);
		engine.accept(firstChat.id(), id("Lee"), T0.plusSeconds(1));
		engine.enqueue(secondChat, T0.plusSeconds(1));
		signIn("Hal");
		assertThat(secondChat.offeredTo()).isEqualTo(id("Lee"));

		assertThatThrownBy(() -> engine.choosePresence(id("Lee"), Presence.AWAY, T0.plusSeconds(2)))
			.isInstanceOf(Conflict.class);
		assertThatThrownBy(() -> engine.choosePresence(id("Lee"), Presence.BUSY, T0.plusSeconds(2)))
			.isInstanceOf(Conflict.class);

		assertThat(secondChat.status()).isEqualTo(ContactStatus.OFFERED);
		assertThat(secondChat.offeredTo()).isEqualTo(id("Lee"));
		assertThat(agent("Lee").presence()).isEqualTo(Presence.OFFERED);
		assertThat(agent("Lee").pendingOffer()).isEqualTo(secondChat.id());
		assertThat(engine.waitingIn(QUEUE)).isEmpty();
		engine.accept(secondChat.id(), id("Lee"), T0.plusSeconds(3));
		assertThat(agent("Lee").active(Channel.CHAT)).isEqualTo(2);
	}

	@Test
	void onlyActiveStaffCanSignIn() {
		hire(therapist("Lee").licensedIn(UsState.CA), therapist("Gone").licensedIn(UsState.CA).inactive());

		assertThatThrownBy(() -> engine.choosePresence(id("Gone"), Presence.AVAILABLE, T0)).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> engine.choosePresence(UUID.randomUUID(), Presence.AVAILABLE, T0))
			.isInstanceOf(NotFound.class);
		assertThat(engine.agentStates()).isEmpty();
	}

	@Test
	void anAgentWhoNeverSignedInCannotTakeAnOffer() {
		hire(therapist("Lee").licensedIn(UsState.CA));
		ContactState contact = contact().build();
		engine.enqueue(contact, T0);

		assertThatThrownBy(() -> engine.accept(contact.id(), id("Lee"), T0.plusSeconds(1))).isInstanceOf(Conflict.class);
	}

	// ---- strategies over several contacts ------------------------------------------------------------------

	@Test
	void roundRobinHandsSuccessiveContactsToSuccessiveAgents() {
		engine.defineQueue(new QueueDefinition("front", List.of(new RoutingStep("front desk", StepTarget.FRONT_DESK,
				Set.of(), Weights.DEFAULT, Strategy.ROUND_ROBIN, null)), OFFER_TIMEOUT));
		hire(frontDesk("Ada"), frontDesk("Bea"), frontDesk("Cyd"));
		signIn("Ada", "Bea", "Cyd");
		var offeredTo = new ArrayList<String>();

		for (int i = 0; i < 5; i++) {
			ContactState text = contact().queue("front").channel(Channel.SMS).arrivedAt(T0.plusSeconds(i)).build();
			Changes changes = engine.enqueue(text, T0.plusSeconds(i));
			offeredTo.add(names.get(single(events(changes, ContactOffered.class)).agentId()));
			engine.accept(text.id(), id(offeredTo.get(i)), T0.plusSeconds(i));
		}

		assertThat(offeredTo).containsExactly("Ada", "Bea", "Cyd", "Ada", "Bea");
	}

	@Test
	void fewestContactsTodaySpreadsTheDaysWork() {
		engine.defineQueue(new QueueDefinition("fair", List.of(new RoutingStep("therapists", StepTarget.THERAPISTS,
				Set.of(), Weights.DEFAULT, Strategy.FEWEST_CONTACTS_TODAY, null)), OFFER_TIMEOUT));
		hire(therapist("Lee").capacity(Channel.CHAT, 5), therapist("Hal").capacity(Channel.CHAT, 5));
		signIn("Lee", "Hal");
		var offeredTo = new ArrayList<String>();

		for (int i = 0; i < 4; i++) {
			ContactState chat = contact().queue("fair").channel(Channel.CHAT).arrivedAt(T0.plusSeconds(i)).build();
			Changes changes = engine.enqueue(chat, T0.plusSeconds(i));
			offeredTo.add(names.get(single(events(changes, ContactOffered.class)).agentId()));
			engine.accept(chat.id(), id(offeredTo.get(i)), T0.plusSeconds(i));
		}

		assertThat(offeredTo).containsExactly("Lee", "Hal", "Lee", "Hal");
	}

	@Test
	void fewestContactsTodayStartsCountingAgainAtMidnightUtc() {
		engine.defineQueue(new QueueDefinition("fair", List.of(new RoutingStep("therapists", StepTarget.THERAPISTS,
				Set.of(), Weights.DEFAULT, Strategy.FEWEST_CONTACTS_TODAY, null)), OFFER_TIMEOUT));
		hire(therapist("Lee"), therapist("Hal"));
		LocalDate today = LocalDate.ofInstant(T0, ZoneOffset.UTC);
		Instant midnight = today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		Instant evening = midnight.minusSeconds(1800);
		engine.restore(new AgentState(id("Lee"), Presence.AVAILABLE, evening, Map.of(), null, null, 0, null,
				midnight.minusSeconds(3600), 1, today), evening);
		engine.restore(new AgentState(id("Hal"), Presence.AVAILABLE, evening, Map.of(), null, null, 0, null,
				midnight.minusSeconds(7200), 3, today), evening);

		engine.tick(midnight.plusSeconds(30));
		Changes queued = engine.enqueue(contact().queue("fair").arrivedAt(midnight.plusSeconds(40)).build(),
				midnight.plusSeconds(40));

		assertThat(single(events(queued, ContactOffered.class)).agentId()).as("longest idle, now that both have none")
			.isEqualTo(id("Hal"));
	}

	// ---- routing steps -----------------------------------------------------------------------------------

	@Test
	void theClientsOwnTherapistGetsTheContactFirst() {
		useSteppedQueue();
		hire(therapist("Own").licensedIn(UsState.CA), therapist("Lee").licensedIn(UsState.CA)
			.serves(Population.LESBIAN_COUPLES).specialties("communication"));
		signIn("Lee", "Own");

		Changes changes = engine.enqueue(returningCouple(), T0);

		assertThat(single(events(changes, ContactOffered.class))).extracting(ContactOffered::agentId, ContactOffered::step)
			.containsExactly(id("Own"), 0);
	}

	@Test
	void theOwnTherapistHasThirtySecondsBeforeASpecialistIsOffered() {
		useSteppedQueue();
		hire(therapist("Own").licensedIn(UsState.CA), therapist("Lee").licensedIn(UsState.CA)
			.serves(Population.LESBIAN_COUPLES));
		signIn("Lee");
		ContactState couple = returningCouple();
		engine.enqueue(couple, T0);

		assertThat(engine.nextWakeUp(T0)).isEqualTo(T0.plusSeconds(30));
		assertThat(engine.tick(T0.plusSeconds(30).minusMillis(1)).events()).isEmpty();

		Changes widened = engine.tick(T0.plusSeconds(30));

		assertThat(single(events(widened, ContactOffered.class))).extracting(ContactOffered::agentId, ContactOffered::step)
			.containsExactly(id("Lee"), 1);
	}

	@Test
	void widensToAnyLicensedTherapistAfterTheSpecialistsMinute() {
		useSteppedQueue();
		hire(therapist("Own").licensedIn(UsState.CA), therapist("Gen").licensedIn(UsState.CA));
		signIn("Gen");
		ContactState couple = returningCouple();
		engine.enqueue(couple, T0);

		Changes atSpecialists = engine.tick(T0.plusSeconds(30));

		assertThat(events(atSpecialists, ContactOffered.class)).isEmpty();
		Explanation why = single(atSpecialists.explanations());
		assertThat(why.step()).isEqualTo(1);
		assertThat(failures(why)).containsEntry("Gen", List.of(HardFilter.SPECIALIST));
		assertThat(engine.tick(T0.plusSeconds(90).minusMillis(1)).events()).isEmpty();

		Changes widened = engine.tick(T0.plusSeconds(90));

		assertThat(single(events(widened, ContactOffered.class))).extracting(ContactOffered::agentId, ContactOffered::step)
			.containsExactly(id("Gen"), 2);
	}

	@Test
	void reachesTheFrontDeskWhenNoTherapistCanTakeIt() {
		useSteppedQueue();
		hire(therapist("Own").licensedIn(UsState.CA), therapist("Nia").licensedIn(UsState.NY)
			.serves(Population.LESBIAN_COUPLES), frontDesk("Desk"));
		signIn("Nia", "Desk");
		engine.enqueue(returningCouple(), T0);
		engine.tick(T0.plusSeconds(30));
		engine.tick(T0.plusSeconds(90));

		assertThat(engine.tick(T0.plusSeconds(150).minusMillis(1)).events()).isEmpty();
		Changes widened = engine.tick(T0.plusSeconds(150));

		assertThat(single(events(widened, ContactOffered.class))).extracting(ContactOffered::agentId, ContactOffered::step)
			.containsExactly(id("Desk"), 3);
	}

	@Test
	void aLateTickCatchesUpOnEveryStepThatEnded() {
		useSteppedQueue();
		hire(therapist("Own").licensedIn(UsState.CA), frontDesk("Desk"));
		signIn("Desk");
		engine.enqueue(returningCouple(), T0);

		Changes late = engine.tick(T0.plusSeconds(200));

		assertThat(single(events(late, ContactOffered.class))).extracting(ContactOffered::agentId, ContactOffered::step)
			.containsExactly(id("Desk"), 3);
	}

	@Test
	void agentsOfAnEarlierStepStayPreferredAfterTheSearchWidens() {
		useSteppedQueue();
		LocalTime opens = LocalTime.of(18, 2);
		hire(therapist("Own").licensedIn(UsState.CA),
				therapist("Lee").licensedIn(UsState.CA).serves(Population.LESBIAN_COUPLES)
					.works(ZoneOffset.UTC, opens, LocalTime.MIDNIGHT, DayOfWeek.TUESDAY),
				therapist("Gen").licensedIn(UsState.CA).specialties("communication", "trust")
					.modality("gottman", Verification.CERTIFIED).identifiesAs("queer")
					.works(ZoneOffset.UTC, opens, LocalTime.MIDNIGHT, DayOfWeek.TUESDAY));
		signIn("Gen", "Lee");
		ContactState couple = contact().ownTherapist(id("Own")).populations(Population.LESBIAN_COUPLES)
			.issues("communication", "trust").modalities("gottman").prefers("queer").build();
		engine.enqueue(couple, T0);
		engine.tick(T0.plusSeconds(30));
		engine.tick(T0.plusSeconds(90));

		Changes opened = engine.tick(T0.plusSeconds(120));

		assertThat(single(events(opened, ContactOffered.class))).extracting(ContactOffered::agentId, ContactOffered::step)
			.containsExactly(id("Lee"), 1);
		Explanation why = single(opened.explanations());
		assertThat(why.step()).isEqualTo(1);
		assertThat(why.candidates()).filteredOn(c -> c.name().equals("Gen")).singleElement()
			.satisfies(gen -> assertThat(gen.qualifiesAtStep()).isEqualTo(2));
	}

	@Test
	void theSearchStillWidensWhenAStepEndsDuringAnOffer() {
		useSteppedQueue();
		hire(therapist("Own").licensedIn(UsState.CA), therapist("Gen").licensedIn(UsState.CA));
		signIn("Gen");
		ContactState couple = returningCouple();
		engine.enqueue(couple, T0);
		engine.choosePresence(id("Own"), Presence.AVAILABLE, T0.plusSeconds(15));
		assertThat(couple.offeredTo()).isEqualTo(id("Own"));
		engine.tick(T0.plusSeconds(30));
		engine.tick(T0.plusSeconds(35));
		assertThat(couple.status()).isEqualTo(ContactStatus.WAITING);

		Changes widened = engine.tick(T0.plusSeconds(90));

		assertThat(events(widened, ContactOffered.class)).extracting(ContactOffered::agentId, ContactOffered::step)
			.containsExactly(tuple(id("Gen"), 2));
	}

	// ---- time --------------------------------------------------------------------------------------------

	@Test
	void contactsWaitingForWorkingHoursAreOfferedWhenTheyBegin() {
		hire(therapist("Lee").licensedIn(UsState.CA)
			.works(ZoneOffset.UTC, LocalTime.of(18, 5), LocalTime.of(22, 0), DayOfWeek.TUESDAY));
		engine.defineQueue(new QueueDefinition(QUEUE, List.of(new RoutingStep("in hours", StepTarget.THERAPISTS,
				Set.of(HardFilter.AVAILABLE_NOW), Weights.DEFAULT, Strategy.BEST_FIT, null)), OFFER_TIMEOUT));
		signIn("Lee");
		ContactState contact = contact().build();
		engine.enqueue(contact, T0);

		assertThat(engine.tick(T0.plusSeconds(299)).events()).isEmpty();
		Changes opened = engine.tick(T0.plusSeconds(300));

		assertThat(events(opened, ContactOffered.class)).extracting(ContactOffered::contactId).containsExactly(contact.id());
	}

	@Test
	void aLicenseThatExpiresTodayStopsCountingAtMidnightUtc() {
		LocalDate today = LocalDate.ofInstant(T0, ZoneOffset.UTC);
		Instant midnight = today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		hire(therapist("Lee").license(UsState.CA, LicenseType.LMFT, LicenseStatus.ACTIVE, today));
		signIn("Lee");
		ContactState tonight = contact().arrivedAt(midnight.minusSeconds(60)).build();
		engine.enqueue(tonight, midnight.minusSeconds(60));
		engine.accept(tonight.id(), id("Lee"), midnight.minusSeconds(50));
		engine.complete(tonight.id(), id("Lee"), midnight.minusSeconds(10));

		engine.tick(midnight.plusSeconds(20));
		ContactState afterMidnight = contact().arrivedAt(midnight.plusSeconds(30)).build();
		Changes queued = engine.enqueue(afterMidnight, midnight.plusSeconds(30));

		assertThat(agent("Lee").presence()).isEqualTo(Presence.AVAILABLE);
		assertThat(events(queued, ContactOffered.class)).isEmpty();
		assertThat(failures(single(queued.explanations()))).containsEntry("Lee", List.of(HardFilter.LICENSED));
	}

	@Test
	void wakesUpForTheEarliestTimerOrTheNextMinute() {
		hire(therapist("Lee").licensedIn(UsState.CA));
		signIn("Lee");

		assertThat(engine.nextWakeUp(T0.plusSeconds(7))).isEqualTo(T0.plusSeconds(60));

		engine.enqueue(contact().build(), T0);

		assertThat(engine.nextWakeUp(T0.plusSeconds(7))).isEqualTo(T0.plus(OFFER_TIMEOUT));
	}

	// ---- staff and recovery ------------------------------------------------------------------------------

	@Test
	void aNewPictureOfTheStaffIsMatchedAtOnce() {
		hire(therapist("Lee").licensedIn(UsState.CA));
		signIn("Lee");
		ContactState inTexas = contact().in(UsState.TX).build();
		engine.enqueue(inTexas, T0);

		Changes changes = hire(therapist("Lee").id(id("Lee")).licensedIn(UsState.CA, UsState.TX));

		assertThat(events(changes, ContactOffered.class)).extracting(ContactOffered::contactId, ContactOffered::agentId)
			.containsExactly(tuple(inTexas.id(), id("Lee")));
	}

	@Test
	void aStaffMemberWhoLeavesIsNoLongerOffered() {
		hire(therapist("Lee").licensedIn(UsState.CA));
		signIn("Lee");
		hire(therapist("Lee").id(id("Lee")).licensedIn(UsState.CA).inactive());

		Changes changes = engine.enqueue(contact().build(), T0.plusSeconds(1));

		assertThat(events(changes, ContactOffered.class)).isEmpty();
		assertThat(engine.index().contains(id("Lee"))).isFalse();
	}

	@Test
	void restoringAnOfferedContactOffersItAgainWithAFreshDeadline() {
		hire(therapist("Lee").licensedIn(UsState.CA));
		Instant restart = T0.plusSeconds(10);
		ContactState offered = offeredBeforeTheRestart("Lee");
		engine.restore(agentOfferedBeforeTheRestart("Lee", offered), restart);
		engine.restoreSequence(41);

		Changes restored = engine.restore(offered, restart);
		restored.addAll(engine.resume(restart));

		assertThat(events(restored, ContactOffered.class)).containsExactly(
				new ContactOffered(offered.id(), id("Lee"), QUEUE, Channel.VOICE, 0, restart.plus(OFFER_TIMEOUT)));
		assertThat(restored.contacts()).contains(offered);
		assertThat(offered.offeredTo()).isEqualTo(id("Lee"));
		assertThat(offered.passedOver()).isEmpty();
		assertThat(agent("Lee").pendingOffer()).isEqualTo(offered.id());
		assertThat(events(engine.tick(T0.plus(OFFER_TIMEOUT)), OfferTimedOut.class)).as("the old deadline").isEmpty();
		assertThat(events(engine.tick(restart.plus(OFFER_TIMEOUT)), OfferTimedOut.class)).hasSize(1);
		assertThat(engine.nextSequence()).isEqualTo(42);
	}

	@Test
	void restoringAnOfferWhoseAgentHasLeftOffersItToSomeoneElse() {
		hire(therapist("Lee").licensedIn(UsState.CA), therapist("Hal").licensedIn(UsState.CA));
		Instant restart = T0.plusSeconds(10);
		ContactState offered = offeredBeforeTheRestart("Lee");
		engine.restore(agentOfferedBeforeTheRestart("Lee", offered), restart);
		hire(therapist("Lee").id(id("Lee")).licensedIn(UsState.CA).inactive());
		engine.choosePresence(id("Hal"), Presence.AVAILABLE, restart);

		Changes restored = engine.restore(offered, restart);
		restored.addAll(engine.resume(restart));

		assertThat(events(restored, ContactOffered.class)).extracting(ContactOffered::agentId).containsExactly(id("Hal"));
		assertThat(agent("Lee").pendingOffer()).isNull();
	}

	private ContactState offeredBeforeTheRestart(String agent) {
		return new ContactState(UUID.randomUUID(), 41, QUEUE, Channel.VOICE, 0, contact().needs(), null, null, null, T0,
				T0, Map.of(), Set.of(), ContactStatus.OFFERED, id(agent), T0.plus(OFFER_TIMEOUT), 0, null, null, null);
	}

	private AgentState agentOfferedBeforeTheRestart(String agent, ContactState offered) {
		return new AgentState(id(agent), Presence.OFFERED, T0, new EnumMap<>(Channel.class), offered.id(),
				Channel.VOICE, 0, null, T0.minusSeconds(600), 0, LocalDate.ofInstant(T0, ZoneOffset.UTC));
	}

	@Test
	void aRestoredWaitingContactKeepsItsStepClock() {
		useSteppedQueue();
		hire(therapist("Own").licensedIn(UsState.CA), therapist("Lee").licensedIn(UsState.CA)
			.serves(Population.LESBIAN_COUPLES));
		signIn("Lee");
		ContactState couple = contact().ownTherapist(id("Own")).populations(Population.LESBIAN_COUPLES)
			.arrivedAt(T0.minusSeconds(20)).build();

		engine.restore(couple, T0);
		assertThat(events(engine.resume(T0), ContactOffered.class)).isEmpty();

		Changes widened = engine.tick(T0.plusSeconds(10));

		assertThat(events(widened, ContactOffered.class)).extracting(ContactOffered::agentId).containsExactly(id("Lee"));
	}

	@Test
	void aRestoredWrapUpEndsOnItsOwnTimer() {
		hire(therapist("Lee").licensedIn(UsState.CA));
		engine.restore(new AgentState(id("Lee"), Presence.WRAP_UP, T0, Map.of(), null, null, 0, T0.plusSeconds(5), T0, 3,
				LocalDate.ofInstant(T0, ZoneOffset.UTC)), T0.plusSeconds(1));
		ContactState contact = contact().build();
		engine.enqueue(contact, T0.plusSeconds(1));

		Changes ended = engine.tick(T0.plusSeconds(5));

		assertThat(events(ended, ContactOffered.class)).extracting(ContactOffered::contactId).containsExactly(contact.id());
	}

	// ---- helpers -----------------------------------------------------------------------------------------

	/** Own therapist 30 s, then a licensed specialist 60 s, then any licensed therapist 60 s, then the front desk. */
	private void useSteppedQueue() {
		engine.defineQueue(new QueueDefinition(QUEUE, List.of(
				new RoutingStep("own therapist", StepTarget.OWN_THERAPIST,
						Set.of(HardFilter.LICENSED, HardFilter.AVAILABLE_NOW), Weights.DEFAULT, Strategy.BEST_FIT,
						Duration.ofSeconds(30)),
				new RoutingStep("licensed specialist", StepTarget.THERAPISTS, Set.of(HardFilter.LICENSED,
						HardFilter.LANGUAGE, HardFilter.AVAILABLE_NOW, HardFilter.SPECIALIST), Weights.DEFAULT,
						Strategy.BEST_FIT, Duration.ofSeconds(60)),
				new RoutingStep("any licensed therapist", StepTarget.THERAPISTS,
						Set.of(HardFilter.LICENSED, HardFilter.LANGUAGE, HardFilter.AVAILABLE_NOW), Weights.DEFAULT,
						Strategy.BEST_FIT, Duration.ofSeconds(60)),
				new RoutingStep("front desk", StepTarget.FRONT_DESK, Set.of(HardFilter.LANGUAGE, HardFilter.AVAILABLE_NOW),
						Weights.DEFAULT, Strategy.BEST_FIT, null)),
				OFFER_TIMEOUT));
	}

	private ContactState returningCouple() {
		return contact().ownTherapist(id("Own")).populations(Population.LESBIAN_COUPLES).issues("communication").build();
	}

	/** Adds (or replaces, by id) staff members and hands the engine the new picture. */
	private Changes hire(StaffFixtures.Builder... builders) {
		for (StaffFixtures.Builder builder : builders) {
			StaffMember member = builder.build();
			staff.values().removeIf(m -> m.id().equals(member.id()));
			staff.put(member.name(), member);
			names.put(member.id(), member.name());
		}
		return engine.staffChanged(List.copyOf(staff.values()), StaffFixtures.NO_COMPACTS, T0);
	}

	private void signIn(String... names) {
		for (String name : names) {
			engine.choosePresence(id(name), Presence.AVAILABLE, T0);
		}
	}

	private UUID id(String name) {
		return staff.get(name).id();
	}

	private AgentState agent(String name) {
		return engine.agentStates().stream().filter(a -> a.id().equals(id(name))).findFirst().orElseThrow();
	}

	private static <T> List<T> events(Changes changes, Class<T> type) {
		return changes.events().stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static <T> T single(List<T> list) {
		assertThat(list).hasSize(1);
		return list.get(0);
	}

	/** Each listed candidate's failed filters by name, in the explanation's order. */
	private static Map<String, List<HardFilter>> failures(Explanation explanation) {
		var failures = new LinkedHashMap<String, List<HardFilter>>();
		explanation.candidates().forEach(c -> failures.put(c.name(), c.failed()));
		return failures;
	}
}
