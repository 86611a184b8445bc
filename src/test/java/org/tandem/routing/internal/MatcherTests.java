package org.tandem.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tandem.routing.internal.ContactFixtures.T0;
import static org.tandem.routing.internal.ContactFixtures.contact;
import static org.tandem.routing.internal.StaffFixtures.frontDesk;
import static org.tandem.routing.internal.StaffFixtures.therapist;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tandem.core.Channel;
import org.tandem.core.Population;
import org.tandem.core.UsState;
import org.tandem.directory.Compact;
import org.tandem.directory.CompactOperation;
import org.tandem.directory.CompactTable;
import org.tandem.directory.Fees;
import org.tandem.directory.LicenseStatus;
import org.tandem.directory.LicenseType;
import org.tandem.directory.StaffMember;
import org.tandem.directory.Verification;
import org.tandem.routing.HardFilter;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;
import org.tandem.routing.Strategy;
import org.tandem.routing.Weights;

/** Hard filters, soft scores and strategies of one decision, on an index built by hand. */
class MatcherTests {

	private static final LocalDate TODAY = LocalDate.ofInstant(T0, ZoneOffset.UTC);
	private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private final List<StaffMember> staff = new ArrayList<>();
	private final Map<UUID, AgentState> agents = new HashMap<>();
	private CompactTable compactTable = StaffFixtures.NO_COMPACTS;
	private Instant now = T0;
	private AgentIndex index;
	private Matcher matcher;

	// ---- licensure ---------------------------------------------------------------------------------------

	@Test
	void aTherapistMustBeLicensedWhereTheClientIsNowNotWhereTheyLive() {
		add(therapist("Nia").licensedIn(UsState.NY));
		add(therapist("Cal").licensedIn(UsState.CA, UsState.NV));

		assertThat(eligible(contact().in(UsState.CA).build(), therapists(HardFilter.LICENSED))).containsExactly("Cal");
		assertThat(eligible(contact().in(UsState.NY).build(), therapists(HardFilter.LICENSED))).containsExactly("Nia");
		assertThat(eligible(contact().in(UsState.TX).build(), therapists(HardFilter.LICENSED))).isEmpty();
	}

	@Test
	void aClientWhoseStateIsUnknownPassesNoLicensureCheck() {
		add(therapist("Cal").licensedIn(UsState.CA));

		assertThat(eligible(contact().in(null).build(), therapists(HardFilter.LICENSED))).isEmpty();
		assertThat(eligible(contact().in(null).build(), therapists())).containsExactly("Cal");
	}

	@Test
	void anExpiredOrInactiveLicenseDoesNotCount() {
		add(therapist("Expired").license(UsState.CA, LicenseType.LMFT, LicenseStatus.ACTIVE, TODAY.minusDays(1)));
		add(therapist("LastDay").license(UsState.CA, LicenseType.LMFT, LicenseStatus.ACTIVE, TODAY));
		add(therapist("Suspended").license(UsState.CA, LicenseType.LMFT, LicenseStatus.SUSPENDED, TODAY.plusYears(1)));
		add(therapist("Inactive").license(UsState.CA, LicenseType.LMFT, LicenseStatus.INACTIVE, TODAY.plusYears(1)));

		assertThat(eligible(contact().build(), therapists(HardFilter.LICENSED))).containsExactly("LastDay");
	}

	@Test
	void psypactCoversAStateOnlyWhileTheCompactTableSaysItIsOperationalThere() {
		add(therapist("Priya").licensedIn(LicenseType.PSYCHOLOGIST, UsState.CO)
			.compact(Compact.PSYPACT, UsState.CO, TODAY.plusYears(1)));
		ContactState inArizona = contact().in(UsState.AZ).build();

		compactTable = StaffFixtures.operational(Compact.PSYPACT, UsState.AZ);
		assertThat(eligible(inArizona, therapists(HardFilter.LICENSED))).containsExactly("Priya");

		compactTable = StaffFixtures.operational(Compact.PSYPACT, UsState.UT);
		assertThat(eligible(inArizona, therapists(HardFilter.LICENSED))).isEmpty();

		compactTable = StaffFixtures.operational(Compact.COUNSELING_COMPACT, UsState.AZ);
		assertThat(eligible(inArizona, therapists(HardFilter.LICENSED))).isEmpty();

		compactTable = new CompactTable(List.of(
				new CompactOperation(Compact.PSYPACT, UsState.AZ, LocalDate.of(2020, 1, 1), TODAY.minusDays(1), "left")));
		assertThat(eligible(inArizona, therapists(HardFilter.LICENSED))).isEmpty();

		compactTable = new CompactTable(List.of(
				new CompactOperation(Compact.PSYPACT, UsState.AZ, TODAY.plusDays(1), null, "not yet")));
		assertThat(eligible(inArizona, therapists(HardFilter.LICENSED))).isEmpty();
	}

	@Test
	void aCompactNeedsAnUnexpiredAuthorizationAndAValidHomeLicenseOfItsProfession() {
		add(therapist("AuthorizationExpired").licensedIn(LicenseType.PSYCHOLOGIST, UsState.CO)
			.compact(Compact.PSYPACT, UsState.CO, TODAY.minusDays(1)));
		add(therapist("HomeLicenseExpired")
			.license(UsState.CO, LicenseType.PSYCHOLOGIST, LicenseStatus.ACTIVE, TODAY.minusDays(1))
			.compact(Compact.PSYPACT, UsState.CO, TODAY.plusYears(1)));
		add(therapist("CounselorNotPsychologist").licensedIn(LicenseType.LPC, UsState.CO)
			.compact(Compact.PSYPACT, UsState.CO, TODAY.plusYears(1)));
		add(therapist("MarriageAndFamilyTherapist").licensedIn(LicenseType.LMFT, UsState.CO)
			.compact(Compact.COUNSELING_COMPACT, UsState.CO, TODAY.plusYears(1)));
		compactTable = new CompactTable(List.of(
				new CompactOperation(Compact.PSYPACT, UsState.AZ, LocalDate.of(2020, 1, 1), null, "fixture"),
				new CompactOperation(Compact.COUNSELING_COMPACT, UsState.AZ, LocalDate.of(2020, 1, 1), null, "fixture")));

		assertThat(eligible(contact().in(UsState.AZ).build(), therapists(HardFilter.LICENSED))).isEmpty();
	}

	@Test
	void aCounselingCompactPrivilegeCoversOnlyItsOwnStates() {
		add(therapist("Tess").licensedIn(LicenseType.LPC, UsState.TX)
			.compact(Compact.COUNSELING_COMPACT, UsState.TX, TODAY.plusYears(1), UsState.CO));
		compactTable = StaffFixtures.operational(Compact.COUNSELING_COMPACT, UsState.CO, UsState.NM);

		assertThat(eligible(contact().in(UsState.CO).build(), therapists(HardFilter.LICENSED))).containsExactly("Tess");
		assertThat(eligible(contact().in(UsState.NM).build(), therapists(HardFilter.LICENSED))).isEmpty();
		assertThat(eligible(contact().in(UsState.TX).build(), therapists(HardFilter.LICENSED))).containsExactly("Tess");
	}

	@Test
	void frontDeskStaffAreNeverLicensed() {
		add(frontDesk("Fran"));

		assertThat(eligible(contact().build(), frontDeskStep(HardFilter.LICENSED))).isEmpty();
		assertThat(eligible(contact().build(), frontDeskStep())).containsExactly("Fran");
	}

	// ---- the other hard filters -----------------------------------------------------------------------

	@Test
	void speaksTheLanguageTheContactAskedFor() {
		add(therapist("Ana").speaks("en", "es"));
		add(therapist("Ben").speaks("en"));

		assertThat(eligible(contact().speaking("es").build(), therapists(HardFilter.LANGUAGE))).containsExactly("Ana");
		assertThat(eligible(contact().speaking("en").build(), therapists(HardFilter.LANGUAGE)))
			.containsExactly("Ana", "Ben");
		assertThat(eligible(contact().speaking("vi").build(), therapists(HardFilter.LANGUAGE))).isEmpty();
		assertThat(eligible(contact().speaking(null).build(), therapists(HardFilter.LANGUAGE)))
			.containsExactly("Ana", "Ben");
	}

	@Test
	void onlyNewClientsNeedATherapistWhoIsAcceptingThem() {
		add(therapist("Open"));
		add(therapist("Full").notAcceptingNewClients());

		assertThat(eligible(contact().build(), therapists(HardFilter.ACCEPTING_NEW_CLIENTS))).containsExactly("Open");
		assertThat(eligible(contact().returningClient().build(), therapists(HardFilter.ACCEPTING_NEW_CLIENTS)))
			.containsExactly("Open", "Full");
	}

	@Test
	void availableNowMeansWithinTheirOwnWorkingHoursLessTimeOff() {
		add(therapist("West").works(LOS_ANGELES, LocalTime.of(9, 0), LocalTime.of(17, 0), DayOfWeek.TUESDAY));
		add(therapist("East").works(NEW_YORK, LocalTime.of(9, 0), LocalTime.of(13, 0), DayOfWeek.TUESDAY));
		add(therapist("Evenings").works(LOS_ANGELES, LocalTime.of(17, 0), LocalTime.MIDNIGHT, DayOfWeek.TUESDAY));
		add(therapist("OnLeave").off(T0.minusSeconds(3600), T0.plusSeconds(3600)));
		add(therapist("NoHours").noHours());
		ContactState contact = contact().build();

		assertThat(eligible(contact, therapists(HardFilter.AVAILABLE_NOW))).containsExactly("West");

		now = T0.plus(Duration.ofHours(7));
		assertThat(eligible(contact, therapists(HardFilter.AVAILABLE_NOW))).containsExactly("Evenings", "OnLeave");

		assertThat(eligible(contact, therapists())).hasSize(5);
	}

	@Test
	void aSpecialistWorksWithAtLeastOneOfTheContactsPopulations() {
		add(therapist("Lee").serves(Population.LESBIAN_COUPLES, Population.QUEER_COUPLES));
		add(therapist("Gus").serves(Population.GAY_MALE_COUPLES));
		add(therapist("Hal"));

		assertThat(eligible(ContactFixtures.waitingCouple(), therapists(HardFilter.SPECIALIST))).containsExactly("Lee");
		assertThat(eligible(contact().populations(Population.LESBIAN_COUPLES, Population.GAY_MALE_COUPLES).build(),
				therapists(HardFilter.SPECIALIST))).containsExactly("Lee", "Gus");
		assertThat(eligible(contact().build(), therapists(HardFilter.SPECIALIST))).containsExactly("Lee", "Gus", "Hal");
	}

	@Test
	void needsAFreeSlotOnTheContactsChannel() {
		add(therapist("OnACall"));
		add(therapist("Chats").capacity(Channel.CHAT, 2));
		add(therapist("PhoneOnly"));
		busy("OnACall", Channel.VOICE);
		busy("Chats", Channel.CHAT);

		assertThat(eligible(contact().channel(Channel.VOICE).build(), therapists())).containsExactly("Chats", "PhoneOnly");
		assertThat(eligible(contact().channel(Channel.CHAT).build(), therapists())).containsExactly("Chats");
		assertThat(eligible(contact().channel(Channel.SMS).build(), therapists())).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = Presence.class, names = { "OFFLINE", "AWAY", "OFFERED", "WRAP_UP" })
	void onlyAvailableAgentsOrBusyOnesWithRoomAreOffered(Presence presence) {
		add(therapist("Ready").capacity(Channel.CHAT, 2));
		add(therapist("Other").capacity(Channel.CHAT, 2));
		add(therapist("Busy").capacity(Channel.CHAT, 2));
		busy("Busy", Channel.CHAT);
		agents.put(member("Other").id(), agentIn(member("Other").id(), presence));

		assertThat(eligible(contact().channel(Channel.CHAT).build(), therapists())).containsExactly("Ready", "Busy");
	}

	@Test
	void stepsTargetTherapistsTheFrontDeskOrTheClientsOwnTherapist() {
		StaffMember own = add(therapist("Own"));
		add(therapist("Else"));
		add(frontDesk("Desk"));

		assertThat(eligible(contact().ownTherapist(own.id()).build(), ownTherapist())).containsExactly("Own");
		assertThat(eligible(contact().build(), ownTherapist())).isEmpty();
		assertThat(eligible(contact().ownTherapist(member("Desk").id()).build(), ownTherapist())).isEmpty();
		assertThat(eligible(contact().build(), therapists())).containsExactly("Own", "Else");
		assertThat(eligible(contact().build(), frontDeskStep())).containsExactly("Desk");
	}

	@Test
	void reportsEachFilterAnAgentFailsInTheOrderTheyApply() {
		add(therapist("Far").licensedIn(UsState.NY).speaks("fr").notAcceptingNewClients()
			.works(NEW_YORK, LocalTime.of(18, 0), LocalTime.of(20, 0), DayOfWeek.MONDAY));
		add(therapist("Near").licensedIn(UsState.CA).serves(Population.LESBIAN_COUPLES));
		add(frontDesk("Desk"));
		busy("Near", Channel.VOICE);
		ContactState couple = ContactFixtures.waitingCouple();
		couple.offer(member("Near").id(), 0, T0.plusSeconds(20));
		couple.passOver(member("Near").id());
		RoutingStep step = therapists(HardFilter.LICENSED, HardFilter.LANGUAGE, HardFilter.ACCEPTING_NEW_CLIENTS,
				HardFilter.AVAILABLE_NOW, HardFilter.SPECIALIST);
		build();
		Query query = Query.of(couple, index);

		assertThat(matcher.failures(position("Far"), query, step, couple.passedOverView())).containsExactly(
				HardFilter.LICENSED, HardFilter.LANGUAGE, HardFilter.ACCEPTING_NEW_CLIENTS, HardFilter.AVAILABLE_NOW,
				HardFilter.SPECIALIST);
		assertThat(matcher.failures(position("Near"), query, step, couple.passedOverView()))
			.containsExactly(HardFilter.CAPACITY, HardFilter.NOT_DECLINED);
		assertThat(matcher.failures(position("Desk"), query, step, couple.passedOverView()))
			.containsExactly(HardFilter.TARGET, HardFilter.LICENSED, HardFilter.SPECIALIST);
	}

	// ---- soft scores -------------------------------------------------------------------------------------

	@Test
	void scoresPopulationFitAsTheShareOfTheContactsPopulations() {
		add(therapist("Both").serves(Population.LESBIAN_COUPLES, Population.INTERRACIAL_COUPLES));
		add(therapist("One").serves(Population.LESBIAN_COUPLES));
		add(therapist("None"));
		ContactState couple = contact().populations(Population.LESBIAN_COUPLES, Population.INTERRACIAL_COUPLES).build();

		assertThat(scores("Both", couple)).containsEntry("population", 40.0);
		assertThat(scores("One", couple)).containsEntry("population", 20.0);
		assertThat(scores("None", couple)).containsEntry("population", 0.0);
		assertThat(chosen(couple, therapists())).isEqualTo("Both");
	}

	@Test
	void scoresSpecialtyAsTheShareOfTheIssuesTheyWorkOn() {
		add(therapist("Generalist").specialties("anxiety"));
		add(therapist("Half").specialties("communication"));
		add(therapist("Full").specialties("communication", "infidelity", "anxiety"));
		ContactState contact = contact().issues("communication", "infidelity").build();

		assertThat(scores("Generalist", contact)).containsOnlyKeys("specialty").containsEntry("specialty", 0.0);
		assertThat(scores("Half", contact)).containsEntry("specialty", 10.0);
		assertThat(scores("Full", contact)).containsEntry("specialty", 20.0);
		assertThat(chosen(contact, therapists())).isEqualTo("Full");
	}

	@Test
	void anIssueNoTherapistListsStillCountsAgainstTheFit() {
		add(therapist("Half").specialties("communication"));
		ContactState contact = contact().issues("communication", "a-word-nobody-uses").build();

		assertThat(scores("Half", contact)).containsEntry("specialty", 10.0);
	}

	@Test
	void scoresAModalityByHowWellItIsVerified() {
		add(therapist("Certified").modality("gottman", Verification.CERTIFIED));
		add(therapist("Trained").modality("gottman", Verification.TRAINED).modality("eft", Verification.SELF_REPORTED));
		add(therapist("SelfReported").modality("gottman", Verification.SELF_REPORTED));
		add(therapist("Other").modality("cbt", Verification.CERTIFIED));
		ContactState contact = contact().modalities("gottman", "eft").build();

		assertThat(scores("Certified", contact)).containsEntry("modality", 10.0);
		assertThat(scores("Trained", contact)).containsEntry("modality", 7.5);
		assertThat(scores("SelfReported", contact)).containsEntry("modality", 5.0);
		assertThat(scores("Other", contact)).containsEntry("modality", 0.0);
		assertThat(chosen(contact, therapists())).isEqualTo("Certified");
	}

	@Test
	void scoresTheIdentityWordsTheClientPrefers() {
		add(therapist("Match").identifiesAs("queer", "latinx"));
		add(therapist("Partial").identity(new org.tandem.directory.Identity(Set.of("woman"), Set.of("queer"), Set.of(),
				Set.of())));
		add(therapist("Undisclosed"));
		ContactState contact = contact().prefers("queer", "latinx").build();

		assertThat(scores("Match", contact)).containsEntry("identity", 15.0);
		assertThat(scores("Partial", contact)).containsEntry("identity", 7.5);
		assertThat(scores("Undisclosed", contact)).containsEntry("identity", 0.0);
		assertThat(chosen(contact, therapists())).isEqualTo("Match");
	}

	@Test
	void scoresTheFeeWhenTheLowestTheyCouldChargeIsWithinBudget() {
		add(therapist("Standard").fee(150));
		add(therapist("Sliding").fees(new Fees(180, 100, null, 2, false, Set.of())));
		add(therapist("SlidingButFull").fees(new Fees(180, 100, null, 0, false, Set.of())));
		add(therapist("CouplesCost").fees(new Fees(110, null, 200, 0, false, Set.of())));

		ContactState individual = contact().budget(120).build();
		assertThat(scores("Standard", individual)).containsEntry("fee", 0.0);
		assertThat(scores("Sliding", individual)).containsEntry("fee", 10.0);
		assertThat(scores("SlidingButFull", individual)).containsEntry("fee", 0.0);
		assertThat(scores("CouplesCost", individual)).containsEntry("fee", 10.0);

		ContactState couple = contact().budget(120).couple(true).build();
		assertThat(scores("CouplesCost", couple)).containsEntry("fee", 0.0);
		assertThat(scores("Sliding", couple)).containsEntry("fee", 10.0);

		assertThat(scores("Standard", contact().build())).doesNotContainKey("fee");
	}

	@Test
	void theClientsOwnTherapistScoresContinuity() {
		StaffMember own = add(therapist("Own"));
		add(therapist("Specialist").serves(Population.LESBIAN_COUPLES).specialties("communication"));
		ContactState couple = contact().ownTherapist(own.id()).populations(Population.LESBIAN_COUPLES)
			.issues("communication").build();

		assertThat(scores("Own", couple)).containsEntry("continuity", 50.0);
		assertThat(scores("Specialist", couple)).containsEntry("continuity", 0.0);
		assertThat(chosen(couple, therapists())).isEqualTo("Specialist");
		assertThat(chosen(couple, step(StepTarget.THERAPISTS, Strategy.BEST_FIT, new Weights(40, 20, 10, 15, 10, 70))))
			.isEqualTo("Own");
	}

	@Test
	void theScoreIsTheSumOfTheWeightedCriteriaShown() {
		add(therapist("Lee").serves(Population.LESBIAN_COUPLES).specialties("communication")
			.modality("gottman", Verification.TRAINED).identifiesAs("queer").fee(160));
		ContactState couple = contact().populations(Population.LESBIAN_COUPLES, Population.INTERFAITH_COUPLES)
			.issues("communication").modalities("gottman").prefers("queer").budget(170).build();
		build();
		Query query = Query.of(couple, index);
		Weights weights = new Weights(3, 5, 7, 11, 13, 17);

		Map<String, Double> scores = matcher.scores(position("Lee"), query, weights);

		assertThat(scores).containsExactly(Map.entry("population", 1.5), Map.entry("specialty", 5.0),
				Map.entry("modality", 5.25), Map.entry("identity", 11.0), Map.entry("fee", 13.0));
		assertThat(matcher.score(position("Lee"), query, weights)).isCloseTo(35.75, within(1e-9));
	}

	// ---- strategies --------------------------------------------------------------------------------------

	@Test
	void bestFitBreaksATieByLongestIdleThenByIdOrder() {
		add(therapist("First"));
		add(therapist("Second"));
		add(therapist("Third"));
		idleSince("Second", T0.minusSeconds(600));
		idleSince("Third", T0.minusSeconds(600));
		idleSince("First", T0.minusSeconds(60));

		assertThat(chosen(contact().build(), therapists())).isEqualTo("Second");
	}

	@Test
	void bestFitPrefersTheHigherScoreOverTheLongerIdle() {
		add(therapist("Idle"));
		add(therapist("Fit").serves(Population.LESBIAN_COUPLES));
		idleSince("Idle", T0.minusSeconds(6000));
		idleSince("Fit", T0.minusSeconds(1));

		assertThat(chosen(ContactFixtures.waitingCouple(), therapists())).isEqualTo("Fit");
	}

	@Test
	void longestIdlePrefersTheLongerIdleOverTheHigherScoreAndBreaksTiesByScore() {
		add(therapist("Idle"));
		add(therapist("Fit").serves(Population.LESBIAN_COUPLES));
		add(therapist("FitToo").serves(Population.LESBIAN_COUPLES));
		idleSince("Idle", T0.minusSeconds(6000));
		idleSince("Fit", T0.minusSeconds(60));
		idleSince("FitToo", T0.minusSeconds(60));
		RoutingStep longestIdle = step(StepTarget.THERAPISTS, Strategy.LONGEST_IDLE, Weights.DEFAULT);

		assertThat(chosen(ContactFixtures.waitingCouple(), longestIdle)).isEqualTo("Idle");

		idleSince("Idle", T0.minusSeconds(60));
		assertThat(chosen(ContactFixtures.waitingCouple(), longestIdle)).isEqualTo("Fit");
	}

	@Test
	void fewestContactsTodayIgnoresScoresAndBreaksTiesByLongestIdle() {
		add(therapist("Fit").serves(Population.LESBIAN_COUPLES));
		add(therapist("Rested"));
		add(therapist("RestedLonger"));
		handled("Fit", 0, now);
		handled("Rested", 1, now);
		handled("RestedLonger", 1, now.minusSeconds(3000));
		RoutingStep fewest = step(StepTarget.THERAPISTS, Strategy.FEWEST_CONTACTS_TODAY, Weights.DEFAULT);

		assertThat(chosen(ContactFixtures.waitingCouple(), fewest)).isEqualTo("Fit");

		handled("Fit", 3, now);
		assertThat(chosen(ContactFixtures.waitingCouple(), fewest)).isEqualTo("RestedLonger");
	}

	@Test
	void roundRobinMovesOnFromTheLastChosenAndWrapsAround() {
		add(therapist("A"));
		add(therapist("B"));
		add(therapist("C"));
		build();
		QueueDefinition queue = queue(step(StepTarget.THERAPISTS, Strategy.ROUND_ROBIN, Weights.DEFAULT));
		ContactState contact = contact().build();
		var order = new ArrayList<String>();

		for (int i = 0; i < 4; i++) {
			Matcher.Choice choice = matcher.decide(Query.of(contact, index), queue, 0, Set.of());
			order.add(index.staff[choice.agent()].name());
			matcher.chosen(queue.name(), 0, choice.agent());
		}

		assertThat(order).containsExactly("A", "B", "C", "A");
	}

	@Test
	void roundRobinSkipsWhoPassedOverTheContact() {
		add(therapist("A"));
		add(therapist("B"));
		add(therapist("C"));
		build();
		QueueDefinition queue = queue(step(StepTarget.THERAPISTS, Strategy.ROUND_ROBIN, Weights.DEFAULT));
		matcher.chosen(queue.name(), 0, position("A"));

		Matcher.Choice choice = matcher.decide(Query.of(contact().build(), index), queue, 0, Set.of(member("B").id()));

		assertThat(index.staff[choice.agent()].name()).isEqualTo("C");
	}

	@Test
	void roundRobinKeepsOneTurnPerQueueAndStep() {
		add(therapist("A"));
		add(therapist("B"));
		build();
		QueueDefinition queue = queue(step(StepTarget.THERAPISTS, Strategy.ROUND_ROBIN, Weights.DEFAULT));
		matcher.chosen("other-queue", 0, position("A"));

		Matcher.Choice choice = matcher.decide(Query.of(contact().build(), index), queue, 0, Set.of());

		assertThat(index.staff[choice.agent()].name()).isEqualTo("A");
	}

	// ---- cumulative steps --------------------------------------------------------------------------------

	@Test
	void agentsOfAnEarlierStepStayPreferredAfterTheSearchWidens() {
		StaffMember own = add(therapist("Own").licensedIn(UsState.CA));
		add(therapist("Specialist").licensedIn(UsState.CA).serves(Population.LESBIAN_COUPLES));
		add(therapist("Generalist").licensedIn(UsState.CA).specialties("communication").fee(90)
			.modality("gottman", Verification.CERTIFIED).identifiesAs("queer"));
		add(frontDesk("Desk"));
		ContactState couple = contact().ownTherapist(own.id()).populations(Population.LESBIAN_COUPLES)
			.issues("communication").modalities("gottman").prefers("queer").budget(100).build();
		build();
		Query query = Query.of(couple, index);
		assertThat(matcher.score(position("Generalist"), query, Weights.DEFAULT))
			.as("the generalist fits better on every soft score")
			.isGreaterThan(matcher.score(position("Specialist"), query, Weights.DEFAULT));
		QueueDefinition queue = queue(ownTherapist(), therapists(HardFilter.LICENSED, HardFilter.SPECIALIST),
				therapists(HardFilter.LICENSED), frontDeskStep());

		assertThat(decision(couple, queue, 3)).isEqualTo("Own@0");

		agents.put(own.id(), agentIn(own.id(), Presence.AWAY));
		assertThat(decision(couple, queue, 0)).isNull();
		assertThat(decision(couple, queue, 1)).isEqualTo("Specialist@1");
		assertThat(decision(couple, queue, 3)).isEqualTo("Specialist@1");

		couple.offer(member("Specialist").id(), 1, T0.plusSeconds(20));
		couple.passOver(member("Specialist").id());
		assertThat(decision(couple, queue, 1)).isNull();
		assertThat(decision(couple, queue, 2)).isEqualTo("Generalist@2");

		couple.offer(member("Generalist").id(), 2, T0.plusSeconds(20));
		couple.passOver(member("Generalist").id());
		assertThat(decision(couple, queue, 3)).isEqualTo("Desk@3");
	}

	// ---- against a plain scan ----------------------------------------------------------------------------

	@ParameterizedTest
	@EnumSource(value = Strategy.class, names = "ROUND_ROBIN", mode = EnumSource.Mode.EXCLUDE)
	void choosesWhatAPlainScanOfEveryAgentChooses(Strategy strategy) {
		SeededPractice practice = SeededPractice.generate(7, 300, 2_000, strategy);
		var engine = practice.engine();
		var scan = practice.linearScan();
		int offered = 0;

		for (ContactState contact : practice.contacts()) {
			Matcher.Choice choice = engine.decide(contact, practice.queue(), practice.now());
			LinearScanRouter.Choice expected = scan.decide(contact, practice.queue(), practice.now());

			String who = contact.id() + " at step " + Engine.currentStep(contact, practice.queue(), practice.now());
			assertThat(choice.agent() < 0 ? null : engine.index().ids[choice.agent()]).as(who).isEqualTo(expected.agent());
			if (expected.agent() != null) {
				assertThat(choice.step()).as(who).isEqualTo(expected.step());
				assertThat(choice.score()).as(who).isCloseTo(expected.score(), within(1e-9));
				offered++;
			}
		}

		assertThat(offered).as("decisions that found someone").isBetween(500, 1_950);
	}

	// ---- helpers -----------------------------------------------------------------------------------------

	private StaffMember add(StaffFixtures.Builder builder) {
		StaffMember member = builder.build();
		staff.add(member);
		return member;
	}

	private StaffMember member(String name) {
		return staff.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
	}

	private int position(String name) {
		return index.position(member(name).id());
	}

	private AgentState agent(String name) {
		return agents.computeIfAbsent(member(name).id(), id -> agentIn(id, Presence.AVAILABLE));
	}

	/** Indexes the staff as they are now: licensure for today, hours for {@link #now}, every agent's state. */
	private void build() {
		index = new AgentIndex(staff);
		index.refreshLicensure(LocalDate.ofInstant(now, ZoneOffset.UTC), compactTable);
		index.refreshHours(now);
		for (StaffMember member : staff) {
			index.refresh(agent(member.name()), now);
		}
		matcher = new Matcher(index);
	}

	private Set<String> eligible(ContactState contact, RoutingStep step) {
		build();
		long[] mask = Bits.create(index.size());
		var names = new TreeSet<String>((a, b) -> Integer.compare(position(a), position(b)));
		if (matcher.candidates(Query.of(contact, index), step, mask)) {
			for (int i = Bits.next(mask, 0); i >= 0; i = Bits.next(mask, i + 1)) {
				names.add(index.staff[i].name());
			}
		}
		return names;
	}

	private String chosen(ContactState contact, RoutingStep step) {
		String decision = decision(contact, queue(step), 0);
		return decision == null ? null : decision.substring(0, decision.indexOf('@'));
	}

	/** Who is chosen and at which step, as {@code name@step}; null when nobody is. */
	private String decision(ContactState contact, QueueDefinition queue, int currentStep) {
		build();
		Matcher.Choice choice = matcher.decide(Query.of(contact, index), queue, currentStep, contact.passedOverView());
		return choice.agent() < 0 ? null : index.staff[choice.agent()].name() + "@" + choice.step();
	}

	private Map<String, Double> scores(String name, ContactState contact) {
		build();
		return matcher.scores(position(name), Query.of(contact, index), Weights.DEFAULT);
	}

	private void busy(String name, Channel channel) {
		AgentState agent = agent(name);
		UUID contactId = UUID.randomUUID();
		agent.offer(contactId, channel, now);
		agent.accept(contactId, now);
	}

	/** Makes the agent idle since {@code since}, as if they had signed in then. */
	private void idleSince(String name, Instant since) {
		UUID id = member(name).id();
		AgentState agent = new AgentState(id, since);
		agent.choose(Presence.AVAILABLE, since);
		agents.put(id, agent);
	}

	/** Makes the agent available after handling {@code contacts} calls today, the last ending at {@code lastEnded}. */
	private void handled(String name, int contacts, Instant lastEnded) {
		UUID id = member(name).id();
		AgentState agent = new AgentState(id, now.minusSeconds(3600));
		agent.choose(Presence.AVAILABLE, now.minusSeconds(3600));
		for (int i = 0; i < contacts; i++) {
			UUID call = UUID.randomUUID();
			agent.offer(call, Channel.VOICE, lastEnded.minusSeconds(60));
			agent.accept(call, lastEnded.minusSeconds(60));
			agent.complete(Channel.VOICE, Duration.ZERO, lastEnded);
		}
		agents.put(id, agent);
	}

	private AgentState agentIn(UUID id, Presence presence) {
		AgentState agent = new AgentState(id, now.minusSeconds(60));
		UUID call = UUID.randomUUID();
		switch (presence) {
			case OFFLINE -> {
			}
			case AVAILABLE -> agent.choose(Presence.AVAILABLE, now.minusSeconds(60));
			case AWAY -> agent.choose(Presence.AWAY, now.minusSeconds(60));
			case OFFERED -> {
				agent.choose(Presence.AVAILABLE, now.minusSeconds(60));
				agent.offer(call, Channel.CHAT, now.minusSeconds(10));
			}
			case BUSY -> {
				agent.choose(Presence.AVAILABLE, now.minusSeconds(60));
				agent.offer(call, Channel.VOICE, now.minusSeconds(50));
				agent.accept(call, now.minusSeconds(50));
			}
			case WRAP_UP -> {
				agent.choose(Presence.AVAILABLE, now.minusSeconds(60));
				agent.offer(call, Channel.VOICE, now.minusSeconds(50));
				agent.accept(call, now.minusSeconds(50));
				agent.complete(Channel.VOICE, Duration.ofMinutes(5), now.minusSeconds(10));
			}
		}
		assertThat(agent.presence()).isEqualTo(presence);
		return agent;
	}

	static RoutingStep therapists(HardFilter... filters) {
		return new RoutingStep("therapists", StepTarget.THERAPISTS, Set.of(filters), Weights.DEFAULT, Strategy.BEST_FIT,
				null);
	}

	static RoutingStep frontDeskStep(HardFilter... filters) {
		return new RoutingStep("front desk", StepTarget.FRONT_DESK, Set.of(filters), Weights.DEFAULT, Strategy.BEST_FIT,
				null);
	}

	static RoutingStep ownTherapist(HardFilter... filters) {
		return new RoutingStep("own therapist", StepTarget.OWN_THERAPIST, Set.of(filters), Weights.DEFAULT,
				Strategy.BEST_FIT, null);
	}

	static RoutingStep step(StepTarget target, Strategy strategy, Weights weights) {
		return new RoutingStep(strategy.name().toLowerCase(), target, Set.of(), weights, strategy, null);
	}

	static QueueDefinition queue(RoutingStep... steps) {
		return new QueueDefinition(ContactFixtures.QUEUE, List.of(steps), null);
	}
}
