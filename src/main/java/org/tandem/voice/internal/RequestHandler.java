package org.tandem.voice.internal;

import javax.sip.RequestEvent;

/** Answers the requests of one SIP method. */
interface RequestHandler {

	String method();

	void handle(RequestEvent event) throws Exception;
}
