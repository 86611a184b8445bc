package org.tandem.voice.internal;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;

/** Answers the requests of one SIP method. */
interface RequestHandler {

	String method();

	/** {@code transaction} is the request's own server transaction, created once by the dispatcher. */
	void handle(RequestEvent event, ServerTransaction transaction) throws Exception;
}
