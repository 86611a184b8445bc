package org.tandem.voice.internal;

import java.util.OptionalInt;
import java.util.concurrent.Future;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.message.Request;

import org.tandem.core.Conflict;
import org.tandem.voice.Destination;

/**
 * The leg Tandem places when a call rings someone (a B2BUA's UAC side, RFC 3261 §8.1, §13.2). It goes
 * from calling to answered to bridged, and to ended from any of them once. SIP responses, the ring's
 * timeout and the API race for it on different threads, so every move is decided here under one lock
 * and the SIP messages it calls for are sent by the caller of the move, outside the lock.
 * <p>
 * Exactly one outcome is reported per ring: whoever {@link #claimOutcome() claims} it first publishes
 * {@code RingAnswered} or {@code RingFailed}, and a ring given up quietly claims it without publishing.
 */
final class OutgoingLeg implements RtpSession.Listener {

	enum State {
		CALLING, ANSWERED, BRIDGED, ENDED
	}

	/** What giving up the ring asks of the caller. */
	enum GiveUp {
		/** RFC 3261 §9.1: the INVITE has a provisional response, so it can be cancelled now. */
		CANCEL,
		/** No provisional response yet: the CANCEL goes out when one arrives, or the INVITE times out. */
		WAIT,
		/** The other side answered: only BYE ends it. */
		BYE,
		/** Ended already, or the move does not apply. */
		NOTHING
	}

	private final String callId;

	private final Destination destination;

	private final String sipCallId;

	private final OutgoingLegs legs;

	private State state = State.CALLING;

	private ClientTransaction invite;

	private boolean provisional;

	private boolean givenUp;

	private boolean cancelSent;

	private boolean outcomeClaimed;

	private boolean challengeAnswered;

	private volatile Dialog dialog;

	private volatile Request ack;

	private volatile RtpSession media;

	private volatile Codec codec;

	private volatile OptionalInt events = OptionalInt.empty();

	private volatile String answer;

	private volatile Future<?> timeout;

	OutgoingLeg(String callId, Destination destination, String sipCallId, OutgoingLegs legs) {
		this.callId = callId;
		this.destination = destination;
		this.sipCallId = sipCallId;
		this.legs = legs;
	}

	/** The caller's call, by our id. */
	String callId() {
		return callId;
	}

	Destination destination() {
		return destination;
	}

	String sipCallId() {
		return sipCallId;
	}

	synchronized State state() {
		return state;
	}

	synchronized ClientTransaction invite() {
		return invite;
	}

	/** The INVITE, or its repetition with credentials (RFC 3261 §22.2): responses count only on the latest. */
	synchronized void sending(ClientTransaction transaction) {
		invite = transaction;
		provisional = false;
	}

	/** A digest challenge is answered once; a second one means the credentials are wrong. */
	synchronized boolean mayAnswerChallenge() {
		if (challengeAnswered || givenUp || state != State.CALLING) {
			return false;
		}
		challengeAnswered = true;
		return true;
	}

	synchronized boolean claimOutcome() {
		if (outcomeClaimed) {
			return false;
		}
		outcomeClaimed = true;
		return true;
	}

	/** A 1xx: true when a CANCEL was waiting for it. */
	synchronized boolean provisional() {
		provisional = true;
		if (state == State.CALLING && givenUp && !cancelSent) {
			cancelSent = true;
			return true;
		}
		return false;
	}

	/** A 2xx: true when it is wanted; false when the ring was given up meanwhile and the answer must be hung up. */
	synchronized boolean answered(Dialog dialog, Request ack) {
		this.dialog = dialog;
		this.ack = ack;
		if (state != State.CALLING || givenUp) {
			state = State.ENDED;
			return false;
		}
		state = State.ANSWERED;
		return true;
	}

	/** The SDP answer's codec and telephone-event type, and our answer to the phone's later re-INVITEs. */
	void negotiated(Codec codec, OptionalInt events, String answer) {
		this.codec = codec;
		this.events = events;
		this.answer = answer;
	}

	/** A final refusal, a timeout or a broken answer: true when the leg was still up. */
	synchronized boolean failed() {
		if (state == State.ENDED) {
			return false;
		}
		state = State.ENDED;
		return true;
	}

	/** Stops ringing; an answered leg is left alone. */
	synchronized GiveUp stopRinging() {
		if (state != State.CALLING) {
			return GiveUp.NOTHING;
		}
		givenUp = true;
		if (!provisional) {
			return GiveUp.WAIT;
		}
		if (cancelSent) {
			return GiveUp.NOTHING;
		}
		cancelSent = true;
		return GiveUp.CANCEL;
	}

	/** Stops ringing, or ends the leg if it was answered. */
	synchronized GiveUp release() {
		if (state == State.ANSWERED || state == State.BRIDGED) {
			state = State.ENDED;
			return GiveUp.BYE;
		}
		return stopRinging();
	}

	synchronized void bridge() {
		if (state != State.ANSWERED) {
			throw new Conflict("Call " + callId + " has no answered ring to bridge; it is " + state.name().toLowerCase());
		}
		state = State.BRIDGED;
	}

	/** The other side sent BYE: the state it ended from. */
	synchronized State hungUp() {
		State was = state;
		state = State.ENDED;
		return was;
	}

	Dialog dialog() {
		return dialog;
	}

	/** The ACK for a 2xx, sent again when the 2xx is retransmitted (RFC 3261 §13.2.2.4). */
	Request ack() {
		return ack;
	}

	void attach(RtpSession media) {
		this.media = media;
	}

	RtpSession media() {
		return media;
	}

	Codec codec() {
		return codec;
	}

	OptionalInt events() {
		return events;
	}

	String answer() {
		return answer;
	}

	void timeout(Future<?> timeout) {
		this.timeout = timeout;
	}

	void cancelTimeout() {
		Future<?> pending = timeout;
		if (pending != null) {
			pending.cancel(false);
		}
	}

	@Override
	public void keyPressed(char key) {
		// The agent's keys are not the caller's choices; the session does not listen for them.
	}

	@Override
	public void mediaTimedOut() {
		legs.silent(this);
	}

	@Override
	public void playbackFinished(long playback) {
		// Nothing is played to the agent's phone.
	}
}
