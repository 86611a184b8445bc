package org.tandem.voice.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.SipException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tandem.voice.CallArrived;
import org.tandem.voice.CallEnded;
import org.tandem.voice.DigitsReceived;

/** The calls that are up, by our id and by SIP Call-ID, and the events they raise. */
@Component
class CallLegs {

	private static final Logger log = LoggerFactory.getLogger(CallLegs.class);

	private final Map<String, CallLeg> byId = new ConcurrentHashMap<>();

	private final Map<String, CallLeg> bySipCallId = new ConcurrentHashMap<>();

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CallLegs(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	void answered(CallLeg leg, String callerNumber, String dialledNumber) {
		byId.put(leg.id(), leg);
		bySipCallId.put(leg.sipCallId(), leg);
		events.publishEvent(new CallArrived(leg.id(), callerNumber, dialledNumber, clock.instant()));
	}

	Optional<CallLeg> find(String callId) {
		return Optional.ofNullable(byId.get(callId));
	}

	Optional<CallLeg> bySipCallId(String sipCallId) {
		return Optional.ofNullable(bySipCallId.get(sipCallId));
	}

	List<CallLeg> all() {
		return List.copyOf(byId.values());
	}

	void keyPressed(CallLeg leg, char key) {
		events.publishEvent(new DigitsReceived(leg.id(), String.valueOf(key)));
	}

	/** The caller ended the call: their BYE has been answered. */
	void ended(CallLeg leg, CallEnded.Reason reason) {
		if (leg.end()) {
			byId.remove(leg.id());
			bySipCallId.remove(leg.sipCallId());
			leg.release();
			events.publishEvent(new CallEnded(leg.id(), clock.instant(), reason));
		}
	}

	/** We end the call: BYE to the caller, then the same as when they end it. */
	void hangUp(CallLeg leg, CallEnded.Reason reason) {
		if (byId.containsKey(leg.id())) {
			try {
				leg.sendBye();
			}
			catch (SipException | RuntimeException e) {
				// The caller may be gone already; the call ends on our side regardless.
				log.info("BYE for call {} failed: {}", leg.id(), e.getMessage());
			}
		}
		ended(leg, reason);
	}
}
