package org.tandem.ivr.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tandem.clients.ClientRecords;
import org.tandem.core.Conflict;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;
import org.tandem.core.PhoneNumber;
import org.tandem.ivr.FlowVersion;
import org.tandem.ivr.IvrFlows;
import org.tandem.platform.Threads;
import org.tandem.routing.ContactOffered;
import org.tandem.routing.OfferTimedOut;
import org.tandem.routing.Routing;
import org.tandem.voice.CallArrived;
import org.tandem.voice.CallEnded;
import org.tandem.voice.Calls;
import org.tandem.voice.DigitsReceived;
import org.tandem.voice.PlaybackFinished;
import org.tandem.voice.RecordingFinished;
import org.tandem.voice.RingAnswered;
import org.tandem.voice.RingFailed;

/**
 * Runs every answered call through the flow active on the number it dialled. Listeners only hand events
 * to the call's journey: they are called on the voice module's event thread and the routing loop, which
 * must never wait for a database or another call. With {@code tandem.ivr.enabled=false} calls are left
 * to whatever else drives the voice module (its own tests do).
 */
@Component
@ConditionalOnProperty(name = "tandem.ivr.enabled", havingValue = "true", matchIfMissing = true)
class CallRunner {

	private static final Logger log = LoggerFactory.getLogger(CallRunner.class);

	private final CallServices services;

	private final ExecutorService workers;

	private final ScheduledExecutorService timers;

	private final Map<String, Journey> byCall = new ConcurrentHashMap<>();

	private final Map<UUID, Journey> byContact = new ConcurrentHashMap<>();

	CallRunner(IvrFlows flows, Calls calls, Routing routing, ClientRecords clients, PromptFiles prompts,
			CallRecords records, WaitEstimates waits, IvrProperties properties, Clock clock) {
		this.workers = Executors.newFixedThreadPool(properties.workers(), Threads.numbered("ivr"));
		this.timers = Executors.newSingleThreadScheduledExecutor(Threads.named("ivr-timers"));
		this.services = new CallServices(flows, calls, routing, clients, prompts, records, waits, properties, clock, timers,
				(journey, contact) -> byContact.put(contact, journey));
	}

	/**
	 * Calls that were up when Tandem last stopped are over: their callers are gone with the old process, so
	 * their contacts leave the queues before an agent is rung for nobody.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void endInterruptedCalls() {
		var contacts = services.records().interrupt(services.clock().instant());
		for (UUID contact : contacts) {
			try {
				if (services.routing().contact(contact).map(view -> view.status().isOpen()).orElse(false)) {
					services.routing().withdraw(contact);
				}
			}
			catch (Conflict | NotFound e) {
				// Already over.
			}
		}
		if (!contacts.isEmpty()) {
			log.info("{} calls were cut off when Tandem stopped; their contacts left the queues", contacts.size());
		}
	}

	@EventListener
	void on(CallArrived arrived) {
		String caller = normalized(arrived.callerNumber());
		var journey = new Journey(arrived.callId(), caller, arrived.dialledNumber(), services, new SerialExecutor(workers));
		byCall.put(arrived.callId(), journey);
		journey.submit(() -> journey.start(flowFor(arrived.dialledNumber()), arrived.at()));
	}

	@EventListener
	void on(DigitsReceived digits) {
		journey(digits.callId()).ifPresent(journey -> journey.submit(() -> journey.digits(digits.digits())));
	}

	@EventListener
	void on(PlaybackFinished finished) {
		journey(finished.callId()).ifPresent(journey -> journey.submit(() -> journey.playbackFinished(finished.playback())));
	}

	@EventListener
	void on(RecordingFinished finished) {
		journey(finished.callId())
			.ifPresent(journey -> journey.submit(() -> journey.recordingFinished(finished.file(), finished.length())));
	}

	@EventListener
	void on(RingAnswered answered) {
		journey(answered.callId()).ifPresent(journey -> journey.submit(() -> journey.ringAnswered(answered.destination())));
	}

	@EventListener
	void on(RingFailed failed) {
		journey(failed.callId()).ifPresent(
				journey -> journey.submit(() -> journey.ringFailed(failed.destination(), failed.reason().name())));
	}

	@EventListener
	void on(CallEnded ended) {
		Journey journey = byCall.remove(ended.callId());
		if (journey != null) {
			journey.submit(() -> {
				journey.ended(ended.at());
				byContact.values().remove(journey);
			});
		}
	}

	@EventListener
	void on(ContactOffered offered) {
		Journey journey = byContact.get(offered.contactId());
		if (journey != null) {
			journey.submit(() -> journey.offered(offered.agentId(), offered.expiresAt()));
		}
	}

	@EventListener
	void on(OfferTimedOut timedOut) {
		Journey journey = byContact.get(timedOut.contactId());
		if (journey != null) {
			journey.submit(() -> journey.offerTimedOut(timedOut.agentId()));
		}
	}

	@PreDestroy
	void stop() {
		timers.shutdownNow();
		workers.shutdown();
	}

	private Optional<Journey> journey(String callId) {
		return Optional.ofNullable(byCall.get(callId));
	}

	private Optional<FlowVersion> flowFor(String dialled) {
		try {
			return services.flows().activeFor(PhoneNumber.parse(dialled, "dialledNumber"));
		}
		catch (InvalidInput e) {
			return Optional.empty();
		}
	}

	/** The caller's number as E.164, or null when it was withheld or is no number ("anonymous"). */
	private static String normalized(String callerNumber) {
		try {
			return callerNumber == null ? null : PhoneNumber.parse(callerNumber, "callerNumber").e164();
		}
		catch (InvalidInput e) {
			return null;
		}
	}
}
