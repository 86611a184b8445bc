package org.tandem.ivr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.tandem.ivr.IvrAction.CollectDigits;
import org.tandem.ivr.IvrInput.DigitsEntered;
import org.tandem.ivr.IvrInput.InputTimedOut;
import org.tandem.ivr.IvrState.Phase;

/** One input taken at the node a call waits at. */
final class Moves {

	private final Interpreter interpreter;
	private final IvrState state;
	private final FlowNode node;

	Moves(Interpreter interpreter, IvrState state, FlowNode node) {
		this.interpreter = interpreter;
		this.state = state;
		this.node = node;
	}

	IvrStep take(IvrInput input) {
		if (input instanceof IvrInput.CallStarted || answersSomethingElse(input)) {
			throw new IllegalMove(state, input);
		}
		switch (state.phase()) {
			case PLAYING:
				return input instanceof IvrInput.PromptFinished ? interpreter.enter(state, node.exits().get("next")) : stay();
			case COLLECTING:
				return collected(input);
			case LOOKING_UP:
				return input instanceof IvrInput.CallerLookedUp found ? lookedUp(found) : stay();
			case ENQUEUEING:
				return input instanceof IvrInput.Enqueued queued ? holding(queued) : stay();
			case HOLDING:
				return held(input);
			case RECORDING:
				return input instanceof IvrInput.RecordingFinished recorded ? recorded(recorded) : stay();
			default:
				return stay();
		}
	}

	/** Answers to a request the call did not make (a lookup while recording) mean the runner lost track. */
	private boolean answersSomethingElse(IvrInput input) {
		return input instanceof IvrInput.CallerLookedUp && state.phase() != Phase.LOOKING_UP
				|| input instanceof IvrInput.Enqueued && state.phase() != Phase.ENQUEUEING
				|| input instanceof IvrInput.RecordingFinished && state.phase() != Phase.RECORDING;
	}

	private IvrStep stay() {
		return new IvrStep(state, List.of());
	}

	private IvrStep collected(IvrInput input) {
		if (!(input instanceof DigitsEntered) && !(input instanceof InputTimedOut)) {
			return stay();
		}
		String digits = input instanceof DigitsEntered entered ? entered.digits() : null;
		if (node instanceof FlowNode.Menu menu) {
			String target = digits == null ? null : menu.options().get(digits);
			if (target != null) {
				return interpreter.enter(state.chose(state.node(), digits), target);
			}
			return retry(menu.retries(), menu.otherwise(), digits == null ? null : menu.invalidPrompt(), menu.prompt(),
					new CollectDigits(1, Duration.ofSeconds(menu.timeoutSeconds())));
		}
		if (node instanceof FlowNode.LanguageChoice choice) {
			String language = digits == null ? null : choice.options().get(digits);
			return interpreter.enter(language == null ? state : state.speaking(language), choice.next());
		}
		var location = (FlowNode.Location) node;
		var where = interpreter.zips().stateOf(digits);
		if (where.isPresent()) {
			return interpreter.enter(state.locatedIn(where.get(), digits), location.ok());
		}
		return retry(location.retries(), location.failed(), digits == null ? null : location.invalidPrompt(),
				location.prompt(), new CollectDigits(5, Duration.ofSeconds(location.timeoutSeconds())));
	}

	/** Asks again, after saying why when there is something to say, until the retries run out. */
	private IvrStep retry(int retries, String otherwise, String invalidPrompt, String prompt, CollectDigits collect) {
		if (state.attempts() >= retries) {
			return interpreter.enter(state.chose(state.node(), "none"), otherwise);
		}
		var play = invalidPrompt == null ? interpreter.play(state, prompt) : interpreter.play(state, invalidPrompt, prompt);
		return new IvrStep(state.retried(), List.of(play, collect));
	}

	private IvrStep lookedUp(IvrInput.CallerLookedUp found) {
		var identify = (FlowNode.Identify) node;
		if (found.clientId() == null) {
			return interpreter.enter(state, identify.unknown());
		}
		var known = state.known(found.clientId(), found.ownTherapistId());
		boolean chosen = state.context().containsKey("language");
		if (!chosen && found.language() != null && FlowNode.LanguageChoice.LANGUAGES.contains(found.language())) {
			known = known.speaking(found.language());
		}
		return interpreter.enter(known, identify.known());
	}

	private IvrStep holding(IvrInput.Enqueued queued) {
		var hold = ((FlowNode.Enqueue) node).hold();
		var every = hold.announceEverySeconds() == null ? null : Duration.ofSeconds(hold.announceEverySeconds());
		return new IvrStep(state.queuedAs(queued.contactId()).in(Phase.HOLDING),
				List.of(interpreter.play(state, "hold"), new IvrAction.StartHoldMusic(hold.music(), every)));
	}

	private IvrStep held(IvrInput input) {
		var hold = ((FlowNode.Enqueue) node).hold();
		if (input instanceof IvrInput.HoldTick tick) {
			return announce(hold, tick);
		}
		if (!(input instanceof DigitsEntered entered)) {
			return stay();
		}
		if (entered.digits().equals("1") && hold.offersCallback() && state.callerNumber() != null) {
			var chosen = state.chose("hold", "callback").in(Phase.ENDED);
			return new IvrStep(chosen,
					List.of(new IvrAction.RequestCallback(state.contactId(), state.callerNumber(), chosen.context()),
							interpreter.play(state, "callback"), new IvrAction.HangUp()));
		}
		if (entered.digits().equals("2") && hold.voicemail() != null) {
			return interpreter.enter(state.chose("hold", "voicemail"), hold.voicemail());
		}
		return stay();
	}

	private IvrStep announce(FlowNode.Hold hold, IvrInput.HoldTick tick) {
		long minutes = Math.max(1, (tick.estimatedWait().getSeconds() + 59) / 60);
		var prompts = new ArrayList<>(List.of("position", number(tick.position()), "in-line", "wait",
				number(minutes), "minutes"));
		var actions = new ArrayList<IvrAction>();
		if (hold.offersChoices()) {
			prompts.add("hold-options");
		}
		actions.add(new IvrAction.Play(prompts, state.language(), null));
		if (hold.offersChoices()) {
			// Keys are listened for until the next announcement, which asks again.
			int listen = hold.announceEverySeconds() == null ? 10 : hold.announceEverySeconds();
			actions.add(new CollectDigits(1, Duration.ofSeconds(listen)));
		}
		return new IvrStep(state, actions);
	}

	/** The default prompt set says one to five; beyond that, "more than five" is what a caller needs to hear. */
	private static String number(long n) {
		return n >= 1 && n <= 5 ? "n" + n : "n-more";
	}

	private IvrStep recorded(IvrInput.RecordingFinished recorded) {
		var voicemail = (FlowNode.Voicemail) node;
		var contact = new IvrAction.CreateVoicemailContact(voicemail.queue(), state.callerNumber(), recorded.recording(),
				recorded.length(), Interpreter.needs(state), state.clientId(), state.contactId(), state.context());
		var next = interpreter.enter(state, voicemail.next());
		var actions = new ArrayList<IvrAction>();
		actions.add(contact);
		actions.addAll(next.actions());
		return new IvrStep(next.state(), actions);
	}
}
