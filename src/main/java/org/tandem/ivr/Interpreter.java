package org.tandem.ivr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.tandem.core.Channel;
import org.tandem.core.Language;
import org.tandem.ivr.IvrAction.CollectDigits;
import org.tandem.ivr.IvrAction.Play;
import org.tandem.ivr.IvrInput.CallStarted;
import org.tandem.ivr.IvrState.Phase;
import org.tandem.routing.Needs;

/**
 * Moves a call through a flow, one input at a time, knowing nothing of SIP or webhooks: whoever runs the
 * call carries out the actions and reports back. Inputs that media races make normal (a key pressed
 * during a notice, a tick after the caller chose) are ignored; inputs nobody asked for are an
 * {@link IllegalMove}.
 */
public final class Interpreter {

	/** Nodes that decide at once (hours, a withheld number) could chain without end in a flow built to do so. */
	private static final int MAX_HOPS = 64;

	private final Flow flow;
	private final CrisisConfiguration crisis;
	private final ZipCodes zips;

	public Interpreter(Flow flow, CrisisConfiguration crisis, ZipCodes zips) {
		this.flow = flow;
		this.crisis = crisis;
		this.zips = zips;
	}

	public IvrStep step(IvrState state, IvrInput input) {
		if (state.phase() == Phase.ENDED) {
			return new IvrStep(state, List.of());
		}
		if (state.phase() == Phase.NEW) {
			if (!(input instanceof CallStarted started)) {
				throw new IllegalMove(state, input);
			}
			return enter(state.called(started.callerNumber(), started.dialledNumber(), started.at()), flow.start());
		}
		if (input instanceof IvrInput.CallerHungUp) {
			return new IvrStep(state.in(Phase.ENDED), List.of());
		}
		return new Moves(this, state, flow.node(state.node())).take(input);
	}

	IvrStep enter(IvrState from, String name) {
		var actions = new ArrayList<IvrAction>();
		var state = from;
		for (int hops = 0; hops < MAX_HOPS; hops++) {
			var arrival = arrive(state.at(name, Phase.PLAYING), flow.node(name), actions);
			if (arrival.next() == null) {
				return new IvrStep(arrival.state(), actions);
			}
			state = arrival.state();
			name = arrival.next();
		}
		throw new IllegalStateException("the flow goes round without waiting for the caller at " + name);
	}

	/** What a node does on arrival: either it waits ({@code next} null) or it has already decided where to go. */
	private record Arrival(IvrState state, String next) {

		static Arrival waiting(IvrState state, Phase phase) {
			return new Arrival(state.in(phase), null);
		}

		static Arrival goingTo(IvrState state, String next) {
			return new Arrival(state, next);
		}
	}

	private Arrival arrive(IvrState state, FlowNode node, List<IvrAction> actions) {
		String language = state.language();
		if (node instanceof FlowNode.Play play) {
			actions.add(play(state, play.prompt()));
			return Arrival.waiting(state, Phase.PLAYING);
		}
		if (node instanceof FlowNode.Emergency) {
			actions.add(new Play(List.of("emergency"), language, crisis.notice(language)));
			return Arrival.waiting(state, Phase.PLAYING);
		}
		if (node instanceof FlowNode.Menu menu) {
			actions.add(play(state, menu.prompt()));
			actions.add(new CollectDigits(1, Duration.ofSeconds(menu.timeoutSeconds())));
			return Arrival.waiting(state, Phase.COLLECTING);
		}
		if (node instanceof FlowNode.LanguageChoice choice) {
			actions.add(play(state, choice.prompt()));
			actions.add(new CollectDigits(1, Duration.ofSeconds(choice.timeoutSeconds())));
			return Arrival.waiting(state, Phase.COLLECTING);
		}
		if (node instanceof FlowNode.Hours hours) {
			return Arrival.goingTo(state, hours.isOpenAt(state.startedAt()) ? hours.open() : hours.closed());
		}
		if (node instanceof FlowNode.Identify identify) {
			if (state.callerNumber() == null) {
				return Arrival.goingTo(state, identify.unknown());
			}
			actions.add(new IvrAction.LookUpCaller(state.callerNumber()));
			return Arrival.waiting(state, Phase.LOOKING_UP);
		}
		if (node instanceof FlowNode.Location location) {
			actions.add(play(state, location.prompt()));
			actions.add(new CollectDigits(5, Duration.ofSeconds(location.timeoutSeconds())));
			return Arrival.waiting(state, Phase.COLLECTING);
		}
		if (node instanceof FlowNode.Enqueue enqueue) {
			actions.add(new IvrAction.Enqueue(enqueue.queue(), Channel.VOICE, enqueue.priority(), needs(state),
					state.clientId(), state.context()));
			return Arrival.waiting(state, Phase.ENQUEUEING);
		}
		if (node instanceof FlowNode.Voicemail voicemail) {
			if (voicemail.prompt() != null) {
				actions.add(play(state, voicemail.prompt()));
			}
			actions.add(new IvrAction.Record(voicemail.maxSeconds()));
			return Arrival.waiting(state, Phase.RECORDING);
		}
		if (node instanceof FlowNode.Transfer transfer) {
			actions.add(new IvrAction.Transfer(transfer.number()));
			return Arrival.waiting(state, Phase.ENDED);
		}
		var hangup = (FlowNode.Hangup) node;
		if (hangup.prompt() != null) {
			actions.add(play(state, hangup.prompt()));
		}
		actions.add(new IvrAction.HangUp());
		return Arrival.waiting(state, Phase.ENDED);
	}

	Play play(IvrState state, String... prompts) {
		return new Play(List.of(prompts), state.language(), null);
	}

	ZipCodes zips() {
		return zips;
	}

	static Needs needs(IvrState state) {
		return new Needs(null, null, Language.of(state.language(), "language"), state.currentState(),
				null, null, state.clientId() == null ? null : false, null, null, null);
	}
}
