package org.tandem.voice.internal;

import java.util.Optional;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.tandem.voice.CallEnded;

/**
 * The caller, or a phone a call was put through to, hangs up. RFC 3261 §15.1.2: 200 for a call we know,
 * 481 for any other.
 */
final class ByeHandler implements RequestHandler {

	private final Sip sip;

	private final CallLegs legs;

	private final OutgoingLegs outgoing;

	ByeHandler(Sip sip, CallLegs legs, OutgoingLegs outgoing) {
		this.sip = sip;
		this.legs = legs;
		this.outgoing = outgoing;
	}

	@Override
	public String method() {
		return Request.BYE;
	}

	@Override
	public void handle(RequestEvent event, ServerTransaction transaction) throws Exception {
		Optional<OutgoingLeg> other = outgoing.of(event.getRequest());
		if (other.isPresent()) {
			sip.respond(transaction, Response.OK);
			outgoing.hungUp(other.get());
			return;
		}
		Optional<CallLeg> leg = legs.of(event.getRequest());
		sip.respond(transaction, leg.isPresent() ? Response.OK : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
		leg.ifPresent(ended -> legs.ended(ended, CallEnded.Reason.CALLER_HUNG_UP));
	}
}
