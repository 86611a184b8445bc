package org.tandem.voice.internal;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Carriers that prove who they are with digest credentials rather than a fixed address. Tandem answers
 * as the carrier's next hop, so it challenges with 407 and Proxy-Authenticate (RFC 3261 §22.3).
 */
final class TrunkDigest {

	private final Sip sip;

	private final String realm;

	private final Nonces nonces;

	private final Map<String, String> ha1ByUser;

	TrunkDigest(Sip sip, String realm, Nonces nonces, Map<String, String> passwordByUser) {
		this.sip = sip;
		this.realm = realm;
		this.nonces = nonces;
		this.ha1ByUser = Map.copyOf(passwordByUser.entrySet().stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					entry -> Digest.ha1(entry.getKey(), realm, entry.getValue()))));
	}

	/** Empty when a trunk's credentials authenticate the request; else the response that refuses it. */
	Optional<Response> refusal(Request request) throws Exception {
		if (ha1ByUser.isEmpty()) {
			return Optional.of(sip.response(Response.FORBIDDEN, request));
		}
		ProxyAuthorizationHeader authorization = (ProxyAuthorizationHeader) request.getHeader(ProxyAuthorizationHeader.NAME);
		if (authorization == null || !realm.equals(authorization.getRealm()) || !nonces.isValid(authorization.getNonce())) {
			return Optional.of(challenge(request, authorization != null));
		}
		String ha1 = ha1ByUser.get(authorization.getUsername());
		if (ha1 != null && Digest.answers(authorization, ha1, request.getMethod())) {
			return Optional.empty();
		}
		return Optional.of(sip.response(Response.FORBIDDEN, request));
	}

	private Response challenge(Request request, boolean stale) throws Exception {
		Response response = sip.response(Response.PROXY_AUTHENTICATION_REQUIRED, request);
		ProxyAuthenticateHeader challenge = sip.headers.createProxyAuthenticateHeader("Digest");
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
}
