package org.tandem.voice.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;
import org.tandem.voice.CallArrived;
import org.tandem.voice.CallEnded;
import org.tandem.voice.DigitsReceived;
import org.tandem.voice.RingAnswered;
import org.tandem.voice.RingFailed;

/** Keeps the voice events, which arrive on SIP and RTP threads, where test-thread recorders miss them. */
@TestComponent
class CallEventLog {

	final List<CallArrived> arrived = new CopyOnWriteArrayList<>();

	final List<DigitsReceived> digits = new CopyOnWriteArrayList<>();

	final List<CallEnded> ended = new CopyOnWriteArrayList<>();

	final List<RingAnswered> ringsAnswered = new CopyOnWriteArrayList<>();

	final List<RingFailed> ringsFailed = new CopyOnWriteArrayList<>();

	@EventListener
	void on(CallArrived event) {
		arrived.add(event);
	}

	@EventListener
	void on(DigitsReceived event) {
		digits.add(event);
	}

	@EventListener
	void on(CallEnded event) {
		ended.add(event);
	}

	@EventListener
	void on(RingAnswered event) {
		ringsAnswered.add(event);
	}

	@EventListener
	void on(RingFailed event) {
		ringsFailed.add(event);
	}

	/** Every ring outcome of the call: answered ones first, then failed ones. */
	List<Object> ringOutcomesOf(String callId) {
		List<Object> outcomes = new java.util.ArrayList<>();
		ringsAnswered.stream().filter(ring -> ring.callId().equals(callId)).forEach(outcomes::add);
		ringsFailed.stream().filter(ring -> ring.callId().equals(callId)).forEach(outcomes::add);
		return outcomes;
	}

	String pressedOn(String callId) {
		return String.join("", digits.stream().filter(d -> d.callId().equals(callId)).map(DigitsReceived::digits).toList());
	}
}
