package org.tandem.voice.internal;

import java.text.ParseException;

import javax.sip.InvalidArgumentException;
import javax.sip.PeerUnavailableException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.message.SIPMessage;

/** JAIN-SIP's factories and the few ways our handlers answer a request. */
final class Sip {

	static final String ALLOWED_METHODS = "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, REGISTER";

	final MessageFactory messages;

	final HeaderFactory headers;

	final AddressFactory addresses;

	final String host;

	final int port;

	Sip(String host, int port) throws PeerUnavailableException {
		SipFactory factory = SipFactory.getInstance();
		this.messages = factory.createMessageFactory();
		this.headers = factory.createHeaderFactory();
		this.addresses = factory.createAddressFactory();
		this.host = host;
		this.port = port;
	}

	/**
	 * The request's server transaction, or null for a retransmission that raced the first copy into the
	 * listener: the first copy's transaction answers it (RFC 3261 §17.2.3).
	 */
	static ServerTransaction transaction(RequestEvent event) throws SipException {
		if (event.getServerTransaction() != null) {
			return event.getServerTransaction();
		}
		try {
			return ((SipProvider) event.getSource()).getNewServerTransaction(event.getRequest());
		}
		catch (TransactionAlreadyExistsException retransmission) {
			return null;
		}
	}

	static String callId(Message message) {
		return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
	}

	/** Where the request came from on the wire, not what its Via claims. */
	static String sourceAddress(Request request) {
		SIPMessage message = (SIPMessage) request;
		return message.getPeerPacketSourceAddress() != null ? message.getPeerPacketSourceAddress().getHostAddress()
				: message.getRemoteAddress().getHostAddress();
	}

	/** The user part of a SIP URI (a phone number from a trunk), or the whole URI for other schemes. */
	static String user(javax.sip.address.URI uri) {
		return uri instanceof SipURI sip && sip.getUser() != null ? sip.getUser() : uri.toString();
	}

	Response response(int status, Request request) throws ParseException {
		return messages.createResponse(status, request);
	}

	void respond(ServerTransaction transaction, int status) throws ParseException, SipException,
			InvalidArgumentException {
		transaction.sendResponse(response(status, transaction.getRequest()));
	}

	void allow(Message message) throws ParseException {
		for (String method : ALLOWED_METHODS.split(", ")) {
			message.addHeader(headers.createAllowHeader(method));
		}
	}

	javax.sip.header.ContactHeader contact() throws ParseException {
		SipURI uri = addresses.createSipURI("tandem", host);
		uri.setPort(port);
		return headers.createContactHeader(addresses.createAddress(uri));
	}
}
