package org.tandem.voice.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each request to the handler for its method, and responses and timeouts to the legs Tandem placed. */
final class SipDispatcher implements SipListener {

	private static final Logger log = LoggerFactory.getLogger(SipDispatcher.class);

	private final Sip sip;

	private final Map<String, RequestHandler> handlers;

	private final OutgoingLegs outgoing;

	SipDispatcher(Sip sip, List<RequestHandler> handlers, OutgoingLegs outgoing) {
		this.sip = sip;
		this.outgoing = outgoing;
		this.handlers = handlers.stream().collect(Collectors.toMap(RequestHandler::method, Function.identity()));
	}

	@Override
	public void processRequest(RequestEvent event) {
		String method = event.getRequest().getMethod();
		// RFC 3261 §8.2.2.1: a Request-URI in a scheme we do not serve (tel:, anything novel) gets 416.
		// RFC 3261 §13.3.1.4: an ACK only stops our 200 retransmissions, which the stack does; it gets no
		// response, so a second copy of it is simply dropped here.
		if (Request.ACK.equals(method)) {
			return;
		}
		try {
			ServerTransaction transaction = Sip.transaction(event);
			if (transaction == null) {
				return;
			}
			RequestHandler handler = handlers.get(method);
			if (!event.getRequest().getRequestURI().isSipURI()) {
				sip.respond(transaction, Response.UNSUPPORTED_URI_SCHEME);
			}
			else if (handler != null) {
				handler.handle(event, transaction);
			}
			else {
				notAllowed(event, transaction);
			}
		}
		catch (Exception e) {
			log.warn("Could not answer {} from {}", method, Sip.sourceAddress(event.getRequest()), e);
		}
	}

	/** RFC 3261 §8.2.1: 405 with the methods we do allow. */
	private void notAllowed(RequestEvent event, ServerTransaction transaction) throws Exception {
		Response response = sip.response(Response.METHOD_NOT_ALLOWED, event.getRequest());
		sip.allow(response);
		transaction.sendResponse(response);
	}

	@Override
	public void processResponse(ResponseEvent event) {
		// Our BYEs' responses change nothing: a call is over on our side whatever the answer.
		try {
			outgoing.response(event);
		}
		catch (RuntimeException e) {
			log.warn("Could not act on {}", event.getResponse().getStatusCode(), e);
		}
	}

	@Override
	public void processTimeout(TimeoutEvent event) {
		// A BYE nobody answered means the other side is gone, which is what the BYE meant; an INVITE's
		// ends a ring.
		try {
			outgoing.timeout(event);
		}
		catch (RuntimeException e) {
			log.warn("Could not act on a SIP timeout", e);
		}
	}

	@Override
	public void processIOException(IOExceptionEvent event) {
		log.debug("SIP I/O error towards {}:{}", event.getHost(), event.getPort());
	}

	@Override
	public void processTransactionTerminated(TransactionTerminatedEvent event) {
		// Transactions end on their own timers; calls are tracked by their legs, not transactions.
	}

	@Override
	public void processDialogTerminated(DialogTerminatedEvent event) {
		// Calls end through BYE, hang-up or the media timeout, each of which ends its leg.
	}
}
