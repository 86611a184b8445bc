package org.tandem.voice.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javax.sip.SipException;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tandem.core.NotFound;
import org.tandem.platform.Threads;
import org.tandem.voice.CallArrived;
import org.tandem.voice.CallEnded;
import org.tandem.voice.DigitsReceived;
import org.tandem.voice.PlaybackFinished;
import org.tandem.voice.RecordingFinished;

/**
 * The calls that are up, by our id and by SIP Call-ID, and the events they raise. Events are published
 * in order on a thread of their own: a listener must never hold up the SIP stack or the media clock
 * that every call's audio depends on.
 */
@Component
class CallLegs {

	private static final Logger log = LoggerFactory.getLogger(CallLegs.class);

	private final Map<String, CallLeg> byId = new ConcurrentHashMap<>();

	private final Map<String, CallLeg> bySipCallId = new ConcurrentHashMap<>();

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final List<Consumer<CallLeg>> endListeners = new CopyOnWriteArrayList<>();

	private final ExecutorService publisher = Executors.newSingleThreadExecutor(Threads.named("voice-events"));

	CallLegs(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/** Events of this module's other parts (a ring's outcome) go out in order with the calls' own. */
	void publish(Object event) {
		publisher.execute(() -> events.publishEvent(event));
	}

	void answered(CallLeg leg, String callerNumber, String dialledNumber) {
		byId.put(leg.id(), leg);
		bySipCallId.put(leg.sipCallId(), leg);
		publish(new CallArrived(leg.id(), callerNumber, dialledNumber, clock.instant()));
	}

	Optional<CallLeg> find(String callId) {
		return Optional.ofNullable(byId.get(callId));
	}

	/** The call an in-dialog request (BYE, CANCEL, INFO, a re-INVITE) belongs to, by its Call-ID. */
	Optional<CallLeg> of(javax.sip.message.Request request) {
		return bySipCallId(Sip.callId(request));
	}

	Optional<CallLeg> bySipCallId(String sipCallId) {
		return Optional.ofNullable(bySipCallId.get(sipCallId));
	}

	List<CallLeg> all() {
		return List.copyOf(byId.values());
	}

	void keyPressed(CallLeg leg, char key) {
		publish(new DigitsReceived(leg.id(), String.valueOf(key)));
	}

	/** Called on the media clock; publishing only queues the event. */
	void playbackFinished(CallLeg leg, long playback) {
		publish(new PlaybackFinished(leg.id(), playback));
	}

	/**
	 * Records the caller. The file is written on the event thread: when the call ends, the recording's last
	 * chunk and its {@link RecordingFinished} are queued there ahead of {@link CallEnded}, and so come first.
	 */
	void record(CallLeg leg, Path file, Duration max) {
		Recording recording;
		try {
			recording = Recording.start(file, max, leg.media().codec(), System.nanoTime(), publisher,
					length -> events.publishEvent(new RecordingFinished(leg.id(), file, length)));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not create recording " + file, e);
		}
		if (!leg.record(recording)) {
			recording.discard();
			throw new NotFound("Call", leg.id());
		}
	}

	/** The caller ended the call: their BYE has been answered. */
	void ended(CallLeg leg, CallEnded.Reason reason) {
		if (finish(leg)) {
			publish(new CallEnded(leg.id(), clock.instant(), reason));
		}
	}

	/** Called on the media clock, which must not wait for the BYE to go out. */
	void silent(CallLeg leg) {
		publisher.execute(() -> hangUp(leg, CallEnded.Reason.MEDIA_TIMEOUT));
	}

	@PreDestroy
	void close() {
		publisher.shutdown();
	}

	/** We end the call: BYE to the caller, once, however many reasons to hang up come together. */
	void hangUp(CallLeg leg, CallEnded.Reason reason) {
		if (finish(leg)) {
			try {
				leg.sendBye();
			}
			catch (SipException | RuntimeException e) {
				// The caller may be gone already; the call ends on our side regardless.
				log.info("BYE for call {} failed: {}", leg.id(), e.getMessage());
			}
			publish(new CallEnded(leg.id(), clock.instant(), reason));
		}
	}

	/** Told of every call that ends, however it ends, before its {@link CallEnded} is published. */
	void whenEnded(Consumer<CallLeg> listener) {
		endListeners.add(listener);
	}

	/** Forgets the leg and frees its RTP port; true only for the first caller. */
	private boolean finish(CallLeg leg) {
		if (!leg.end()) {
			return false;
		}
		byId.remove(leg.id());
		bySipCallId.remove(leg.sipCallId());
		leg.release();
		for (Consumer<CallLeg> listener : endListeners) {
			try {
				listener.accept(leg);
			}
			catch (RuntimeException e) {
				log.warn("Could not end what belonged to call {}", leg.id(), e);
			}
		}
		return true;
	}
}
