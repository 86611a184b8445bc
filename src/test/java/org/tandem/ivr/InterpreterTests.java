package org.tandem.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tandem.core.Channel;
import org.tandem.core.Language;
import org.tandem.core.UsState;
import org.tandem.ivr.IvrAction.CollectDigits;
import org.tandem.ivr.IvrAction.Play;
import org.tandem.ivr.IvrInput.CallStarted;
import org.tandem.ivr.IvrInput.DigitsEntered;
import org.tandem.ivr.IvrInput.InputTimedOut;
import org.tandem.ivr.IvrInput.PromptFinished;
import org.tandem.ivr.IvrState.Phase;
import tools.jackson.databind.json.JsonMapper;

/** The demo flow, move by move, as a caller would go through it. */
class InterpreterTests {

	/** Monday 10:00 in Austin. */
	static final Instant OPEN = Instant.parse("2026-11-30T16:00:00Z");

	/** Sunday noon in Austin. */
	static final Instant CLOSED = Instant.parse("2026-11-29T18:00:00Z");

	static final String CALLER = "+15125550123";

	final Interpreter interpreter = new Interpreter(IvrFixtures.demoFlow(), IvrFixtures.crisis(), ZipCodes.shipped());

	IvrStep step;

	void call(String caller, Instant at) {
		step = interpreter.step(IvrState.begin(), new CallStarted(caller, "+15125550100", at));
	}

	void then(IvrInput input) {
		step = interpreter.step(step.state(), input);
	}

	void press(String digits) {
		then(new DigitsEntered(digits));
	}

	/** Notice, welcome, and no language chosen: the call reaches the main menu in English. */
	void reachMainMenu(Instant at) {
		call(CALLER, at);
		then(new PromptFinished());
		then(new PromptFinished());
		then(new InputTimedOut());
	}

	@Test
	void givesTheEmergencyNoticeBeforeAskingAnything() {
		call(CALLER, OPEN);
		var notice = (Play) step.actions().get(0);
		assertThat(notice.prompts()).containsExactly("emergency");
		assertThat(notice.text()).contains("9 1 1", "9 8 8", "press 1 for the Veterans Crisis Line", "2 for Spanish")
			.doesNotContain("press 3");

		press("2");
		assertThat(step.actions()).as("the notice cannot be skipped").isEmpty();
		assertThat(step.state().node()).isEqualTo("emergency");

		then(new PromptFinished());
		assertThat(step.actions()).containsExactly(new Play(List.of("welcome"), "en", null));
		then(new PromptFinished());
		assertThat(step.actions()).containsExactly(new Play(List.of("language"), "en", null),
				new CollectDigits(1, Duration.ofSeconds(5)));
	}

	@Test
	void sendsAMenuChoiceToItsQueue() {
		reachMainMenu(OPEN);
		assertThat(step.actions()).containsExactly(new Play(List.of("main-menu"), "en", null),
				new CollectDigits(1, Duration.ofSeconds(5)));

		press("3");
		var enqueue = (IvrAction.Enqueue) step.actions().get(0);
		assertThat(enqueue.queue()).isEqualTo("front-desk");
		assertThat(enqueue.channel()).isEqualTo(Channel.VOICE);
		assertThat(enqueue.context()).containsEntry("main-menu", "3");
		assertThat(step.state().phase()).isEqualTo(Phase.ENQUEUEING);
	}

	@Test
	void asksANewClientWhereTheyAreAndQueuesThemWithTheirState() {
		reachMainMenu(OPEN);
		press("1");
		assertThat(step.actions()).containsExactly(new Play(List.of("zip"), "en", null),
				new CollectDigits(5, Duration.ofSeconds(10)));

		press("78701");
		var enqueue = (IvrAction.Enqueue) step.actions().get(0);
		assertThat(enqueue.queue()).isEqualTo("intake");
		assertThat(enqueue.needs().currentState()).isEqualTo(UsState.TX);
		assertThat(enqueue.context()).containsEntry("zip", "78701").containsEntry("main-menu", "1");
		assertThat(enqueue.toContactRequest().needs().currentState()).isEqualTo(UsState.TX);
	}

	@Test
	void asksAgainForAZipCodeItDoesNotKnowThenQueuesWithoutAState() {
		reachMainMenu(OPEN);
		press("1");
		press("09001");
		assertThat(step.actions()).containsExactly(new Play(List.of("zip-invalid", "zip"), "en", null),
				new CollectDigits(5, Duration.ofSeconds(10)));
		press("123");
		then(new InputTimedOut());

		var enqueue = (IvrAction.Enqueue) step.actions().get(0);
		assertThat(enqueue.queue()).isEqualTo("intake");
		assertThat(enqueue.needs().currentState()).isNull();
	}

	@Test
	void retriesAnInvalidKeyThenTakesTheDefaultBranch() {
		reachMainMenu(OPEN);
		press("7");
		assertThat(step.actions()).containsExactly(new Play(List.of("invalid", "main-menu"), "en", null),
				new CollectDigits(1, Duration.ofSeconds(5)));
		press("9");
		assertThat(step.state().node()).isEqualTo("main-menu");

		press("#");
		assertThat(((IvrAction.Enqueue) step.actions().get(0)).queue()).isEqualTo("front-desk");
	}

	@Test
	void replaysTheMenuWhenNothingIsPressedThenTakesTheDefaultBranch() {
		reachMainMenu(OPEN);
		then(new InputTimedOut());
		assertThat(step.actions()).containsExactly(new Play(List.of("main-menu"), "en", null),
				new CollectDigits(1, Duration.ofSeconds(5)));
		then(new InputTimedOut());
		then(new InputTimedOut());

		var enqueue = (IvrAction.Enqueue) step.actions().get(0);
		assertThat(enqueue.queue()).isEqualTo("front-desk");
		assertThat(enqueue.context()).containsEntry("main-menu", "none");
	}

	@Test
	void takesAVoicemailAfterHours() {
		call(CALLER, CLOSED);
		then(new PromptFinished());
		then(new PromptFinished());
		press("1");
		assertThat(step.actions()).containsExactly(new Play(List.of("closed"), "en", null));

		then(new PromptFinished());
		assertThat(step.actions()).containsExactly(new Play(List.of("voicemail"), "en", null), new IvrAction.Record(120));

		then(new IvrInput.RecordingFinished("voicemail-1.wav", Duration.ofSeconds(42)));
		var contact = (IvrAction.CreateVoicemailContact) step.actions().get(0);
		assertThat(contact.queue()).isEqualTo("front-desk");
		assertThat(contact.callerNumber()).isEqualTo(CALLER);
		assertThat(contact.recording()).isEqualTo("voicemail-1.wav");
		assertThat(contact.keepsPlaceOf()).isNull();
		assertThat(step.actions()).endsWith(new Play(List.of("goodbye"), "en", null), new IvrAction.HangUp());
		assertThat(step.state().phase()).isEqualTo(Phase.ENDED);
	}

	@Test
	void knowsAReturningClientByCallerIdAndSpeaksTheirLanguage() {
		reachMainMenu(OPEN);
		press("2");
		assertThat(step.actions()).containsExactly(new IvrAction.LookUpCaller(CALLER));

		UUID client = UUID.randomUUID();
		UUID therapist = UUID.randomUUID();
		then(new IvrInput.CallerLookedUp(client, therapist, "es"));

		var enqueue = (IvrAction.Enqueue) step.actions().get(0);
		assertThat(enqueue.queue()).isEqualTo("intake");
		assertThat(enqueue.clientId()).isEqualTo(client);
		assertThat(enqueue.needs().newClient()).isFalse();
		assertThat(enqueue.needs().language()).isEqualTo(Language.SPANISH);
		assertThat(step.state().ownTherapistId()).isEqualTo(therapist);
	}

	@Test
	void asksAnUnknownCallerWhereTheyAre() {
		reachMainMenu(OPEN);
		press("2");
		then(new IvrInput.CallerLookedUp(null, null, null));

		assertThat(step.state().node()).isEqualTo("where-are-you");
	}

	@Test
	void doesNotLookUpAWithheldNumber() {
		call(null, OPEN);
		then(new PromptFinished());
		then(new PromptFinished());
		then(new InputTimedOut());
		press("2");

		assertThat(step.actions()).containsExactly(new Play(List.of("zip"), "en", null),
				new CollectDigits(5, Duration.ofSeconds(10)));
	}

	@Test
	void speaksSpanishFromTheMomentItIsChosen() {
		call(CALLER, OPEN);
		then(new PromptFinished());
		then(new PromptFinished());
		press("2");
		assertThat(step.actions()).containsExactly(new Play(List.of("main-menu"), "es", null),
				new CollectDigits(1, Duration.ofSeconds(5)));

		press("2");
		then(new IvrInput.CallerLookedUp(UUID.randomUUID(), null, "en"));
		var enqueue = (IvrAction.Enqueue) step.actions().get(0);
		assertThat(enqueue.needs().language()).as("the caller's choice outranks the record").isEqualTo(Language.SPANISH);
		assertThat(enqueue.context()).containsEntry("language", "es");
	}

	@Test
	void holdsWithMusicAndAnnouncesThePlaceInLine() {
		reachMainMenu(OPEN);
		press("3");
		UUID contact = UUID.randomUUID();
		then(new IvrInput.Enqueued(contact));
		assertThat(step.actions()).containsExactly(new Play(List.of("hold"), "en", null),
				new IvrAction.StartHoldMusic("default", Duration.ofSeconds(60)));

		then(new IvrInput.HoldTick(3, Duration.ofSeconds(200)));
		assertThat(step.actions()).containsExactly(
				new Play(List.of("position", "n3", "in-line", "wait", "n4", "minutes", "hold-options"), "en", null),
				new CollectDigits(1, Duration.ofSeconds(60)));

		then(new IvrInput.HoldTick(9, Duration.ofMinutes(20)));
		assertThat(((Play) step.actions().get(0)).prompts()).startsWith("position", "n-more");
	}

	@Test
	void takesACallbackThatKeepsThePlaceInLine() {
		reachMainMenu(OPEN);
		press("3");
		UUID contact = UUID.randomUUID();
		then(new IvrInput.Enqueued(contact));
		press("1");

		assertThat(step.actions().get(0)).isEqualTo(new IvrAction.RequestCallback(contact, CALLER,
				java.util.Map.of("main-menu", "3", "hold", "callback")));
		assertThat(step.actions()).endsWith(new IvrAction.HangUp());
		assertThat(step.state().phase()).isEqualTo(Phase.ENDED);
	}

	@Test
	void leavesAVoicemailFromHoldInThePlaceOfTheCall() {
		reachMainMenu(OPEN);
		press("3");
		UUID contact = UUID.randomUUID();
		then(new IvrInput.Enqueued(contact));
		press("2");
		assertThat(step.actions()).contains(new IvrAction.Record(120));

		then(new IvrInput.RecordingFinished("voicemail-2.wav", Duration.ofSeconds(30)));
		var request = ((IvrAction.CreateVoicemailContact) step.actions().get(0)).toContactRequest();
		assertThat(request.keepsPlaceOf()).isEqualTo(contact);
		assertThat(request.channel()).isEqualTo(Channel.VOICEMAIL);
		assertThat(request.context()).containsEntry("recording", "voicemail-2.wav")
			.containsEntry("recordingSeconds", "30")
			.containsEntry("callerNumber", CALLER)
			.containsEntry("hold", "voicemail");
	}

	@Test
	void refusesAnAnswerToAQuestionItDidNotAsk() {
		reachMainMenu(OPEN);

		assertThatThrownBy(() -> then(new IvrInput.Enqueued(UUID.randomUUID()))).isInstanceOf(IllegalMove.class)
			.hasMessageContaining("main-menu");
		assertThatThrownBy(() -> interpreter.step(IvrState.begin(), new DigitsEntered("1")))
			.isInstanceOf(IllegalMove.class);
	}

	@Test
	void ignoresEverythingOnceTheCallerHungUp() {
		reachMainMenu(OPEN);
		then(new IvrInput.CallerHungUp());
		assertThat(step.state().phase()).isEqualTo(Phase.ENDED);

		then(new DigitsEntered("1"));
		assertThat(step.actions()).isEmpty();
	}

	@Test
	void resumesFromAStateStoredAsJson() {
		var json = JsonMapper.builder().build();
		reachMainMenu(OPEN);
		press("1");

		var stored = json.readValue(json.writeValueAsString(step.state()), IvrState.class);
		assertThat(stored).isEqualTo(step.state());

		step = interpreter.step(stored, new DigitsEntered("94103"));
		assertThat(((IvrAction.Enqueue) step.actions().get(0)).needs().currentState()).isEqualTo(UsState.CA);
	}
}
