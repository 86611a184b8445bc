package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;
import org.tandem.voice.CallArrived;
import org.tandem.voice.CallEnded;
import org.tandem.voice.DigitsReceived;
import org.tandem.voice.PlaybackFinished;
import org.tandem.voice.RecordingFinished;
import org.tandem.voice.RingAnswered;
import org.tandem.voice.RingFailed;

/** Keeps the voice events, which arrive on SIP and RTP threads, where test-thread recorders miss them. */
@TestComponent
class CallEventLog {

	final List<CallArrived> arrived = new CopyOnWriteArrayList<>();

	final List<DigitsReceived> digits = new CopyOnWriteArrayList<>();

	final List<CallEnded> ended = new CopyOnWriteArrayList<>();

	final List<PlaybackFinished> played = new CopyOnWriteArrayList<>();

	final List<RecordingFinished> recorded = new CopyOnWriteArrayList<>();

	/** Every event in the order published, with when it arrived (System.nanoTime). */
	final List<Timed> timeline = new CopyOnWriteArrayList<>();

	record Timed(Object event, long nanos) {
	}

	final List<RingAnswered> ringsAnswered = new CopyOnWriteArrayList<>();

	final List<RingFailed> ringsFailed = new CopyOnWriteArrayList<>();

	@EventListener
	void on(CallArrived event) {
		heard(event);
		arrived.add(event);
	}

	@EventListener
	void on(DigitsReceived event) {
		heard(event);
		digits.add(event);
	}

	@EventListener
	void on(CallEnded event) {
		heard(event);
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

	/**
	 * The call sipp placed, the first to arrive after {@code before} calls had: waited for up to 10 s, or failed
	 * at once with sipp's report if sipp exits first, as it does when it cannot bind its ports.
	 */
	CallArrived arrivedAfter(int before, Sipp sipp) {
		await().atMost(Duration.ofSeconds(10)).until(() -> arrived.size() > before || !sipp.running());
		assertThat(arrived).as(sipp::report).hasSizeGreaterThan(before);
		return arrived.get(before);
	}

	/** Every ring outcome of the call: answered ones first, then failed ones. */
	List<Object> ringOutcomesOf(String callId) {
		List<Object> outcomes = new java.util.ArrayList<>();
		ringsAnswered.stream().filter(ring -> ring.callId().equals(callId)).forEach(outcomes::add);
		ringsFailed.stream().filter(ring -> ring.callId().equals(callId)).forEach(outcomes::add);
		return outcomes;
	}

	@EventListener
	void on(PlaybackFinished event) {
		heard(event);
		played.add(event);
	}

	@EventListener
	void on(RecordingFinished event) {
		heard(event);
		recorded.add(event);
	}

	private void heard(Object event) {
		timeline.add(new Timed(event, System.nanoTime()));
	}

	/** The events of one call, in the order published. */
	List<Object> of(String callId) {
		return timeline.stream().map(Timed::event).filter(event -> callId.equals(callIdOf(event))).toList();
	}

	/** When the event arrived, by System.nanoTime. */
	long arrivalOf(Object event) {
		return timeline.stream().filter(timed -> timed.event().equals(event)).mapToLong(Timed::nanos).findFirst()
			.orElseThrow();
	}

	private static String callIdOf(Object event) {
		if (event instanceof CallArrived arrived) {
			return arrived.callId();
		}
		if (event instanceof DigitsReceived digits) {
			return digits.callId();
		}
		if (event instanceof CallEnded ended) {
			return ended.callId();
		}
		if (event instanceof PlaybackFinished played) {
			return played.callId();
		}
		return event instanceof RecordingFinished recorded ? recorded.callId() : null;
	}

	String pressedOn(String callId) {
		return String.join("", digits.stream().filter(d -> d.callId().equals(callId)).map(DigitsReceived::digits).toList());
	}
}
