package org.tandem.ivr.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.core.Channel;
import org.tandem.core.Conflict;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;
import org.tandem.core.PhoneNumber;
import org.tandem.ivr.FlowVersion;
import org.tandem.ivr.Interpreter;
import org.tandem.ivr.IvrAction;
import org.tandem.ivr.IvrInput;
import org.tandem.ivr.IvrState;
import org.tandem.ivr.IvrState.Phase;
import org.tandem.ivr.IvrStep;
import org.tandem.ivr.internal.CallRecord.Outcome;
import org.tandem.routing.ContactRequest;
import org.tandem.routing.ContactView;
import org.tandem.voice.Destination;
import org.tandem.voice.RingFailed;

/**
 * One answered call going through its flow: feeds what happens on the line to the interpreter and carries
 * out the actions it returns with the voice, routing and client modules. Every method runs on the call's
 * own serial executor, so nothing here needs a lock; a call that ended under an action (the voice module
 * says {@link NotFound}) is left to the {@code CallEnded} that follows.
 */
final class Journey {

	private static final Logger log = LoggerFactory.getLogger(Journey.class);

	/** Not a phone that rings a second and stops, over and over, when the offer had little time left. */
	private static final Duration RING_AGAIN_AT_LEAST = Duration.ofSeconds(15);

	private final String callId;

	private final String dialled;

	private final String callerNumber;

	private final CallServices services;

	private final Executor serial;

	private Interpreter interpreter;

	private IvrState state = IvrState.begin();

	/** Actions waiting for the prompt before them to finish. */
	private final Deque<IvrAction> pending = new ArrayDeque<>();

	private long awaitedPlayback = -1;

	private DigitCollector collector;

	private Duration collectTimeout;

	private int collectGeneration;

	private ScheduledFuture<?> collectTimer;

	private ScheduledFuture<?> holdTicker;

	private String holdMusic;

	private UUID contactId;

	private String queue;

	private UUID ringing;

	/**
	 * How long the agent's phone rang for the offer: as long again, and at least {@link #RING_AGAIN_AT_LEAST},
	 * when they took the call on screen and let it ring out.
	 */
	private Duration ringFor;

	/** The agent whose phone rang a second time because they took the call on screen and missed the first. */
	private UUID rangAgain;

	private UUID talkingTo;

	private boolean bridged;

	private Outcome outcome;

	private boolean ended;

	Journey(String callId, String callerNumber, String dialled, CallServices services, Executor serial) {
		this.callId = callId;
		this.callerNumber = callerNumber;
		this.dialled = dialled;
		this.services = services;
		this.serial = serial;
	}

	void submit(Runnable task) {
		serial.execute(task);
	}

	/** Starts the flow that answers the dialled number; a number nobody set up is hung up rather than left silent. */
	void start(Optional<FlowVersion> flow, Instant at) {
		if (flow.isEmpty()) {
			log.warn("No IVR flow is active on the dialled number '{}'; hanging up. Activate one with "
					+ "POST /api/ivr/flows/{name}/versions/{version}/activate", dialled);
			services.records().started(callId, callerNumber, dialled, null, null, at);
			outcome = Outcome.NO_FLOW;
			call(() -> services.calls().hangUp(callId));
			return;
		}
		FlowVersion version = flow.get();
		interpreter = services.flows().interpreter(version);
		services.records().started(callId, callerNumber, dialled, version.name(), version.version(), at);
		step(new IvrInput.CallStarted(callerNumber, dialled, at));
	}

	// What the voice module reports

	void digits(String keys) {
		for (char key : keys.toCharArray()) {
			if (ended || bridged) {
				return;
			}
			if (collector != null) {
				collect(key);
			}
			else if (state.phase() == Phase.HOLDING) {
				step(new IvrInput.DigitsEntered(String.valueOf(key)));
			}
		}
	}

	void playbackFinished(long playback) {
		if (playback != awaitedPlayback || ended) {
			return;
		}
		awaitedPlayback = -1;
		if (collector != null && collectTimer == null) {
			startCollectTimer();
		}
		if (!pending.isEmpty()) {
			drain();
		}
		else if (state.phase() == Phase.PLAYING) {
			step(new IvrInput.PromptFinished());
		}
		else if (state.phase() == Phase.HOLDING && holdMusic != null && !bridged) {
			call(() -> services.calls().loop(callId, services.prompts().music(holdMusic)));
		}
	}

	void recordingFinished(Path file, Duration length) {
		if (state.phase() == Phase.RECORDING) {
			step(new IvrInput.RecordingFinished(services.properties().recordingsDir().relativize(file).toString(), length));
		}
	}

	void ringAnswered(Destination destination) {
		if (ended) {
			return;
		}
		if (destination instanceof Destination.Number) {
			bridge(null);
			outcome = Outcome.TRANSFERRED;
			return;
		}
		UUID agent = ((Destination.Phone) destination).staffId();
		ringing = null;
		try {
			services.routing().accept(contactId, agent);
			bridge(agent);
		}
		catch (Conflict e) {
			// The agent may have taken the call on their screen while the phone rang; otherwise it has gone on.
			if (takenBy(agent)) {
				bridge(agent);
			}
			else {
				call(() -> services.calls().stopRinging(callId));
			}
		}
	}

	void ringFailed(Destination destination, String reason) {
		if (ended) {
			return;
		}
		if (destination instanceof Destination.Number number) {
			log.warn("Transfer of call {} to {} failed: {}", callId, number.number(), reason);
			call(() -> services.calls().hangUp(callId));
			return;
		}
		UUID agent = ((Destination.Phone) destination).staffId();
		if (agent.equals(ringing)) {
			ringing = null;
		}
		try {
			services.routing().decline(contactId, agent);
		}
		catch (Conflict e) {
			// The offer ran out at the same moment and routing has moved on; or the agent took the call on their
			// screen while the phone rang: it rings once more if they only missed it, and otherwise the caller
			// goes back in line at their place, for the next candidate.
			boolean theirs = takenBy(agent);
			if (theirs && RingFailed.Reason.NO_ANSWER.name().equals(reason) && !agent.equals(rangAgain)) {
				rangAgain = agent;
				ring(agent, atLeast(RING_AGAIN_AT_LEAST, ringFor));
			}
			else if (theirs) {
				log.info("Call {} was taken on screen by {}, whose phone did not take it ({}); back in line", callId, agent,
						reason);
				ignoringConflict(() -> services.routing().requeue(contactId, agent));
			}
		}
	}

	void ended(Instant at) {
		if (ended) {
			return;
		}
		ended = true;
		cancelTimers();
		if (interpreter != null && state.phase() != Phase.NEW) {
			state = interpreter.step(state, new IvrInput.CallerHungUp()).state();
		}
		if (bridged && talkingTo != null) {
			outcome = Outcome.TALKED;
			ignoringConflict(() -> services.routing().complete(contactId, talkingTo));
		}
		else if (contactId != null && outcome == null && leaveQueue(services.routing()::withdraw)) {
			outcome = Outcome.ABANDONED;
		}
		services.records().ended(callId, outcome == null ? Outcome.HUNG_UP : outcome, state.context(), at);
	}

	// What routing reports

	void offered(UUID agent, Instant expiresAt) {
		if (ended || bridged || state.phase() != Phase.HOLDING || agent.equals(ringing)) {
			return;
		}
		services.records().ringing(callId, agent, services.clock().instant());
		Duration timeout = Duration.between(services.clock().instant(), expiresAt);
		ring(agent, atLeast(Duration.ofSeconds(1), timeout));
	}

	/** Whether routing has the contact assigned to this agent: they took it, on the phone or on screen. */
	private boolean takenBy(UUID agent) {
		return services.routing().contact(contactId).map(ContactView::assignedTo).filter(agent::equals).isPresent();
	}

	private static Duration atLeast(Duration floor, Duration wanted) {
		return wanted.compareTo(floor) < 0 ? floor : wanted;
	}

	private void ring(UUID agent, Duration timeout) {
		ringing = agent;
		ringFor = timeout;
		call(() -> services.calls().ring(callId, new Destination.Phone(agent), ringContext(), timeout));
	}

	void offerTimedOut(UUID agent) {
		if (agent.equals(ringing)) {
			ringing = null;
			call(() -> services.calls().stopRinging(callId));
		}
	}

	// Timers

	void holdTick() {
		if (ended || bridged || state.phase() != Phase.HOLDING || ringing != null) {
			return;
		}
		services.routing().contact(contactId).filter(contact -> contact.position() > 0).ifPresent(contact -> step(
				new IvrInput.HoldTick(contact.position(), services.waits().estimate(queue, contact.position()))));
	}

	private void collectTimedOut(int generation) {
		if (generation != collectGeneration || collector == null || ended) {
			return;
		}
		DigitCollector answered = collector;
		collector = null;
		collectTimer = null;
		step(answered.isEmpty() ? new IvrInput.InputTimedOut() : new IvrInput.DigitsEntered(answered.keys()));
	}

	// The interpreter and its actions

	private void step(IvrInput input) {
		IvrState before = state;
		IvrStep next = interpreter.step(state, input);
		state = next.state();
		if (before.phase() == Phase.HOLDING && state.phase() != Phase.HOLDING) {
			// Off to voicemail or a callback: the place in line goes with the new contact, not to an agent now.
			leaveQueue(services.routing()::divert);
		}
		if (!next.actions().isEmpty()) {
			pending.clear();
			stopCollecting();
			pending.addAll(next.actions());
			awaitedPlayback = -1;
			drain();
		}
	}

	private void drain() {
		while (!ended && awaitedPlayback < 0 && !pending.isEmpty()) {
			perform(pending.poll());
		}
	}

	private void perform(IvrAction action) {
		try {
			if (action instanceof IvrAction.Play play) {
				play(play);
			}
			else if (action instanceof IvrAction.CollectDigits collect) {
				startCollecting(collect);
			}
			else if (action instanceof IvrAction.LookUpCaller lookUp) {
				lookUp(lookUp.number());
			}
			else if (action instanceof IvrAction.Enqueue enqueue) {
				enqueue(enqueue);
			}
			else if (action instanceof IvrAction.StartHoldMusic hold) {
				hold(hold);
			}
			else if (action instanceof IvrAction.Record record) {
				record(record.maxSeconds());
			}
			else if (action instanceof IvrAction.CreateVoicemailContact voicemail) {
				voicemail(voicemail);
			}
			else if (action instanceof IvrAction.RequestCallback callback) {
				callback(callback);
			}
			else if (action instanceof IvrAction.Transfer transfer) {
				transfer(transfer.number());
			}
			else {
				services.calls().hangUp(callId);
			}
		}
		catch (NotFound e) {
			// The call ended under us; CallEnded is on its way.
			pending.clear();
		}
	}

	private void play(IvrAction.Play play) {
		List<Path> files = play.prompts().stream().map(id -> services.prompts().prompt(play.language(), id)).toList();
		awaitedPlayback = services.calls().play(callId, files);
		if (pending.peek() instanceof IvrAction.CollectDigits collect) {
			// Keys are heard while the prompt plays; the caller's time to answer starts when it ends.
			pending.poll();
			collecting(collect);
		}
	}

	private void startCollecting(IvrAction.CollectDigits collect) {
		collecting(collect);
		if (collector != null) {
			startCollectTimer();
		}
	}

	private void collecting(IvrAction.CollectDigits collect) {
		if (state.phase() == Phase.HOLDING) {
			// While holding, every key goes to the flow as it comes.
			return;
		}
		collector = new DigitCollector(collect.maxDigits());
		collectTimeout = collect.timeout();
		collectGeneration++;
	}

	private void collect(char key) {
		if (awaitedPlayback >= 0) {
			// The caller knows what they want: stop the prompt.
			awaitedPlayback = -1;
			call(() -> services.calls().stop(callId));
		}
		if (collector.take(key)) {
			DigitCollector answered = collector;
			stopCollecting();
			step(new IvrInput.DigitsEntered(answered.keys()));
		}
		else {
			startCollectTimer();
		}
	}

	private void startCollectTimer() {
		if (collectTimer != null) {
			collectTimer.cancel(false);
		}
		int generation = collectGeneration;
		collectTimer = services.timers().schedule(() -> submit(() -> collectTimedOut(generation)),
				collectTimeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void stopCollecting() {
		collector = null;
		collectGeneration++;
		if (collectTimer != null) {
			collectTimer.cancel(false);
			collectTimer = null;
		}
	}

	private void lookUp(String number) {
		var found = services.clients().findByPhone(PhoneNumber.parse(number, "callerNumber")).stream().findFirst();
		step(found.map(client -> new IvrInput.CallerLookedUp(client.id(), client.ownTherapistId(),
				client.language() == null ? null : client.language().code()))
			.orElseGet(() -> new IvrInput.CallerLookedUp(null, null, null)));
	}

	private void enqueue(IvrAction.Enqueue enqueue) {
		UUID named = UUID.randomUUID();
		// Listening before the contact exists: routing may offer it to an agent the moment it is queued.
		services.listen(this, named);
		try {
			services.routing().enqueue(named, enqueue.toContactRequest());
		}
		catch (InvalidInput e) {
			log.error("Call {} could not be queued in '{}': {}; hanging up", callId, enqueue.queue(), e.getMessage());
			services.calls().hangUp(callId);
			return;
		}
		contactId = named;
		queue = enqueue.queue();
		services.records().queued(callId, contactId);
		step(new IvrInput.Enqueued(contactId));
	}

	private void hold(IvrAction.StartHoldMusic hold) {
		holdMusic = hold.music();
		services.calls().loop(callId, services.prompts().music(holdMusic));
		if (hold.announceEvery() != null && holdTicker == null) {
			long every = hold.announceEvery().toMillis();
			holdTicker = services.timers().scheduleAtFixedRate(() -> submit(this::holdTick), every, every,
					TimeUnit.MILLISECONDS);
		}
	}

	private void record(int maxSeconds) {
		Instant now = services.clock().instant();
		Path day = services.properties().recordingsDir().resolve(LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
		services.calls().record(callId, day.resolve(UUID.randomUUID() + ".wav"), Duration.ofSeconds(maxSeconds));
	}

	private void voicemail(IvrAction.CreateVoicemailContact voicemail) {
		services.routing().enqueue(voicemail.toContactRequest());
		outcome = Outcome.VOICEMAIL;
	}

	private void callback(IvrAction.RequestCallback callback) {
		var original = services.routing().contact(callback.contactId()).orElseThrow();
		var context = new LinkedHashMap<>(callback.context());
		context.put("callbackNumber", callback.callerNumber());
		services.routing().enqueue(new ContactRequest(original.queue(), Channel.CALLBACK, original.priority(),
				original.needs(), original.clientId(), original.coupleId(), original.id(), context));
		outcome = Outcome.CALLBACK;
	}

	private void transfer(String number) {
		services.calls().ring(callId, new Destination.Number(PhoneNumber.parse(number, "number")), ringContext(),
				services.properties().transferTimeout());
	}

	private void bridge(UUID agent) {
		cancelTimers();
		pending.clear();
		stopCollecting();
		awaitedPlayback = -1;
		bridged = true;
		talkingTo = agent;
		services.records().answered(callId, agent, services.clock().instant());
		call(() -> services.calls().bridge(callId));
	}

	/** Takes the call's contact out of its queue the given way if it is still waiting there; true when it was. */
	private boolean leaveQueue(Consumer<UUID> leave) {
		if (holdTicker != null) {
			holdTicker.cancel(false);
			holdTicker = null;
		}
		if (ringing != null) {
			ringing = null;
			call(() -> services.calls().stopRinging(callId));
		}
		try {
			leave.accept(contactId);
			return true;
		}
		catch (Conflict e) {
			// Taken or ended at the same moment; still open only if an agent took it.
			return services.routing().contact(contactId).map(contact -> contact.status().isOpen()).orElse(false);
		}
	}

	/** What the agent's phone shows before they pick up. */
	private Map<String, String> ringContext() {
		var context = new LinkedHashMap<String, String>();
		if (contactId != null) {
			context.put("Contact", contactId.toString());
		}
		if (queue != null) {
			context.put("Queue", queue);
		}
		if (callerNumber != null) {
			context.put("Caller", PhoneNumber.parse(callerNumber, "callerNumber").display());
		}
		if (state.clientId() != null) {
			services.clients().find(state.clientId()).ifPresent(client -> context.put("Client", client.name()));
		}
		if (state.currentState() != null) {
			context.put("State", state.currentState().name());
		}
		if (!state.context().isEmpty()) {
			context.put("Choices", state.context().entrySet().stream()
				.map(choice -> choice.getKey() + "=" + choice.getValue())
				.collect(Collectors.joining("; ")));
		}
		return context;
	}

	private void cancelTimers() {
		stopCollecting();
		if (holdTicker != null) {
			holdTicker.cancel(false);
			holdTicker = null;
		}
	}

	/** Voice calls on a call that may have just ended: the end is handled when its event arrives. */
	private void call(Runnable voiceCall) {
		try {
			voiceCall.run();
		}
		catch (NotFound e) {
			log.debug("Call {} ended before {}", callId, e.getMessage());
		}
	}

	private static void ignoringConflict(Runnable routingCall) {
		try {
			routingCall.run();
		}
		catch (Conflict e) {
			// Routing has moved on (the contact was taken or ended at the same moment).
		}
	}
}
