package org.tandem.voice.internal;

import java.util.List;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;

/**
 * One answered inbound call: its SIP dialog and its RTP session. A leg goes from answered to ended once;
 * whichever of BYE, hang-up, timeout or shutdown comes first ends it, and the others find it ended.
 */
final class CallLeg implements RtpSession.Listener {

	private final String id;

	private final String sipCallId;

	private final ServerTransaction invite;

	private final SipProvider provider;

	private final String tag;

	private volatile String answer;

	private final CallLegs legs;

	private volatile RtpSession media;

	private volatile MediaEngine engine;

	private boolean ended;

	CallLeg(String id, String sipCallId, String tag, ServerTransaction invite, SipProvider provider, CallLegs legs) {
		this.id = id;
		this.sipCallId = sipCallId;
		this.tag = tag;
		this.invite = invite;
		this.provider = provider;
		this.legs = legs;
	}

	String id() {
		return id;
	}

	String sipCallId() {
		return sipCallId;
	}

	/** Our SDP, repeated unchanged to a re-INVITE (RFC 3264 §8: same version when nothing changed). */
	String answer() {
		return answer;
	}

	/** Our To tag, which a retransmitted INVITE must see again (RFC 3261 §12.1.1). */
	String tag() {
		return tag;
	}

	void attach(RtpSession session, MediaEngine engine, String answer) {
		this.media = session;
		this.engine = engine;
		this.answer = answer;
	}

	/** Gives the RTP port back. */
	void release() {
		engine.close(media);
	}

	RtpSession media() {
		return media;
	}

	Codec codec() {
		return media.codec();
	}

	long play(List<byte[]> prompts) {
		return media.play(prompts);
	}

	void loop(byte[] music) {
		media.loop(music);
	}

	/** False when the call's media is closed already: the call has ended. */
	boolean record(Recording recording) {
		return media.record(recording);
	}

	void stop() {
		media.stop();
	}

	/** True only the first time: the caller of this is the one who reports the end. */
	synchronized boolean end() {
		if (ended) {
			return false;
		}
		ended = true;
		return true;
	}

	/** RFC 3261 §15.1.1: either side may end a confirmed dialog with BYE. */
	void sendBye() throws SipException {
		Dialog dialog = invite.getDialog();
		if (dialog == null) {
			return;
		}
		Request bye = dialog.createRequest(Request.BYE);
		ClientTransaction transaction = provider.getNewClientTransaction(bye);
		dialog.sendRequest(transaction);
	}

	/** Who called, as the trunk's From said: shown on the phone a ring goes to. */
	String callerNumber() {
		return Sip.user(((FromHeader) invite.getRequest().getHeader(FromHeader.NAME)).getAddress().getURI());
	}

	/** Which of the practice's numbers was called: a number a carrier lets us call out from. */
	String dialledNumber() {
		return Sip.user(invite.getRequest().getRequestURI());
	}

	@Override
	public void keyPressed(char key) {
		legs.keyPressed(this, key);
	}

	@Override
	public void mediaTimedOut() {
		legs.silent(this);
	}

	/** Under the lock that ends the leg, so that a playback is never reported after its call's end. */
	@Override
	public synchronized void playbackFinished(long playback) {
		if (!ended) {
			legs.playbackFinished(this, playback);
		}
	}
}
