package org.tandem.voice.internal;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * RFC 3261 §9.2: a CANCEL is answered 200 when its INVITE is known, 481 otherwise. Tandem answers every
 * INVITE within its own processing, so by the time a CANCEL is read the INVITE already has its final
 * response, the CANCEL has no effect on it, and the caller ends the call with BYE instead.
 */
final class CancelHandler implements RequestHandler {

	private final Sip sip;

	private final CallLegs legs;

	CancelHandler(Sip sip, CallLegs legs) {
		this.sip = sip;
		this.legs = legs;
	}

	@Override
	public String method() {
		return Request.CANCEL;
	}

	@Override
	public void handle(RequestEvent event, ServerTransaction transaction) throws Exception {
		sip.respond(transaction, legs.of(event.getRequest()).isPresent() ? Response.OK
				: Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
	}
}
