package org.tandem.voice.internal;

import java.time.Duration;
import java.util.ListIterator;
import java.util.Optional;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.tandem.directory.Directory;

/**
 * The registrar for agents' phones (RFC 3261 §10.3). Every REGISTER must carry a digest answer to our
 * challenge for the SIP user of an active staff member whose phone password was set.
 */
final class RegisterHandler implements RequestHandler {

	/** RFC 3261 §10.2.1.1 leaves the default to the registrar; an hour is what most phones ask for. */
	private static final int MAX_EXPIRES = 3600;

	private final Sip sip;

	private final String realm;

	private final Nonces nonces;

	private final PhoneCredentials credentials;

	private final Directory directory;

	private final Registrations registrations;

	RegisterHandler(Sip sip, String realm, Nonces nonces, PhoneCredentials credentials, Directory directory,
			Registrations registrations) {
		this.sip = sip;
		this.realm = realm;
		this.nonces = nonces;
		this.credentials = credentials;
		this.directory = directory;
		this.registrations = registrations;
	}

	@Override
	public String method() {
		return Request.REGISTER;
	}

	@Override
	public void handle(RequestEvent event, ServerTransaction transaction) throws Exception {
		Request request = event.getRequest();
		AuthorizationHeader authorization = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
		if (authorization == null || !realm.equals(authorization.getRealm())
				|| !nonces.isValid(authorization.getNonce())) {
			transaction.sendResponse(challenge(request, authorization != null));
			return;
		}
		Optional<String> sipUser = verified(authorization, request.getMethod());
		if (sipUser.isEmpty()) {
			sip.respond(transaction, Response.FORBIDDEN);
			return;
		}
		transaction.sendResponse(bind(request, sipUser.get()));
	}

	/** RFC 2617 §3.2.1; stale=true tells a phone whose nonce merely expired to retry without asking anyone. */
	private Response challenge(Request request, boolean stale) throws Exception {
		Response response = sip.response(Response.UNAUTHORIZED, request);
		WWWAuthenticateHeader challenge = sip.headers.createWWWAuthenticateHeader("Digest");
		challenge.setRealm(realm);
		challenge.setNonce(nonces.issue());
		challenge.setAlgorithm("MD5");
		challenge.setQop("auth");
		if (stale) {
			challenge.setParameter("stale", "true");
		}
		response.addHeader(challenge);
		return response;
	}

	/** The SIP user, if the digest answer proves the phone knows that user's password. */
	private Optional<String> verified(AuthorizationHeader authorization, String method) {
		String user = authorization.getUsername();
		// The password belongs to a person: it stops working when they leave or give up that SIP user.
		return credentials.forSipUser(user)
			.filter(credential -> credential.realm().equals(realm) && directory.staff().stream()
				.anyMatch(member -> member.id().equals(credential.staffId()) && user.equals(member.sipUser())))
			.filter(credential -> Digest.answers(authorization, credential.ha1(), method))
			.map(PhoneCredentials.Credential::sipUser);
	}

	/** RFC 3261 §10.3 steps 6-8: a contact's expires parameter wins over the Expires header; 0 removes. */
	private Response bind(Request request, String sipUser) throws Exception {
		ExpiresHeader expiresHeader = request.getExpires();
		int defaultExpires = expiresHeader == null ? MAX_EXPIRES : expiresHeader.getExpires();
		Response ok = sip.response(Response.OK, request);
		ListIterator<?> contacts = request.getHeaders(ContactHeader.NAME);
		while (contacts.hasNext()) {
			ContactHeader contact = (ContactHeader) contacts.next();
			int expires = Math.min(contact.getExpires() >= 0 ? contact.getExpires() : defaultExpires, MAX_EXPIRES);
			if (contact.isWildCard() || expires == 0) {
				registrations.unbind(sipUser);
				continue;
			}
			registrations.bind(sipUser, contact.getAddress().getURI().toString(), Duration.ofSeconds(expires));
			ContactHeader bound = (ContactHeader) contact.clone();
			bound.setExpires(expires);
			ok.addHeader(bound);
		}
		return ok;
	}
}
