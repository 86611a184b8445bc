package org.tandem.voice.internal;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** RFC 3261 §11.2: OPTIONS gets the response an INVITE would, with what we allow and accept. */
final class OptionsHandler implements RequestHandler {

	private final Sip sip;

	OptionsHandler(Sip sip) {
		this.sip = sip;
	}

	@Override
	public String method() {
		return Request.OPTIONS;
	}

	@Override
	public void handle(RequestEvent event, ServerTransaction transaction) throws Exception {
		Response ok = sip.response(Response.OK, event.getRequest());
		sip.allow(ok);
		ok.addHeader(sip.headers.createAcceptHeader("application", "sdp"));
		ok.addHeader(sip.headers.createAcceptHeader("application", "dtmf-relay"));
		ok.addHeader(sip.contact());
		transaction.sendResponse(ok);
	}
}
