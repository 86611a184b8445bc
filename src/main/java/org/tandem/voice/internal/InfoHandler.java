package org.tandem.voice.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Key presses sent as SIP INFO with an application/dtmf-relay body, which phones fall back to when they
 * cannot send RFC 4733 events in the media.
 */
final class InfoHandler implements RequestHandler {

	private final Sip sip;

	private final CallLegs legs;

	InfoHandler(Sip sip, CallLegs legs) {
		this.sip = sip;
		this.legs = legs;
	}

	@Override
	public String method() {
		return Request.INFO;
	}

	@Override
	public void handle(RequestEvent event, ServerTransaction transaction) throws Exception {
		Request request = event.getRequest();
		Optional<CallLeg> leg = legs.of(request);
		if (leg.isEmpty()) {
			sip.respond(transaction, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
			return;
		}
		ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
		if (type == null || !"dtmf-relay".equalsIgnoreCase(type.getContentSubType())) {
			sip.respond(transaction, Response.UNSUPPORTED_MEDIA_TYPE);
			return;
		}
		byte[] body = request.getRawContent();
		char key = body == null ? 0 : TelephoneEvents.fromDtmfRelay(new String(body, StandardCharsets.UTF_8));
		sip.respond(transaction, Response.OK);
		if (key != 0) {
			legs.keyPressed(leg.get(), key);
		}
	}
}
