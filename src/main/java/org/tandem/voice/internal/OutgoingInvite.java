package org.tandem.voice.internal;

import java.text.ParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** The INVITEs Tandem sends when a call rings someone, with our SDP offer, and their digest-authenticated repetition. */
final class OutgoingInvite {

	private OutgoingInvite() {
	}

	/**
	 * RFC 3261 §8.1.1: a new dialog's INVITE. The Via gets no branch here; the client transaction adds a
	 * fresh one (§8.1.1.7).
	 */
	static Request build(Sip sip, CallIdHeader callId, SipURI target, Address to, Address from, String offer,
			Map<String, String> headers) throws ParseException, InvalidArgumentException {
		String transport = target.getTransportParam() == null ? "udp" : target.getTransportParam();
		ViaHeader via = sip.headers.createViaHeader(sip.host, sip.port, transport, null);
		FromHeader fromHeader = sip.headers.createFromHeader(from, Long.toHexString(ThreadLocalRandom.current().nextLong()));
		ToHeader toHeader = sip.headers.createToHeader(to, null);
		Request invite = sip.messages.createRequest(target, Request.INVITE, callId,
				sip.headers.createCSeqHeader(1L, Request.INVITE), fromHeader, toHeader, List.of(via),
				sip.headers.createMaxForwardsHeader(70));
		invite.addHeader(sip.contact());
		sip.allow(invite);
		for (Map.Entry<String, String> header : headers.entrySet()) {
			if (!header.getValue().isEmpty()) {
				invite.addHeader(sip.headers.createHeader(header.getKey(), header.getValue()));
			}
		}
		invite.setContent(offer, sip.headers.createContentTypeHeader("application", "sdp"));
		return invite;
	}

	/**
	 * Our offer (RFC 3264 §5): both G.711 laws, μ-law first as North American phones prefer it, and
	 * telephone-event 101 (RFC 4733) so keys pressed on either side survive the bridge.
	 */
	static String offer(String address, int port, long sessionId) {
		return "v=0\r\n"
				+ "o=tandem " + sessionId + " " + sessionId + " IN IP4 " + address + "\r\n"
				+ "s=tandem\r\n"
				+ "c=IN IP4 " + address + "\r\n"
				+ "t=0 0\r\n"
				+ "m=audio " + port + " RTP/AVP 0 8 101\r\n"
				+ "a=rtpmap:0 PCMU/8000\r\n"
				+ "a=rtpmap:8 PCMA/8000\r\n"
				+ "a=rtpmap:101 telephone-event/8000\r\n"
				+ "a=fmtp:101 0-15\r\n"
				+ "a=ptime:20\r\n"
				+ "a=sendrecv\r\n";
	}

	/**
	 * RFC 3261 §22.2: the INVITE again with the next CSeq and credentials for the 401's or 407's
	 * challenge; same Call-ID and From tag, new branch.
	 */
	static Request authorized(Sip sip, Request original, Response challenge, String username, String password)
			throws ParseException, InvalidArgumentException {
		boolean proxy = challenge.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
		WWWAuthenticateHeader asked = (WWWAuthenticateHeader) challenge
			.getHeader(proxy ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME);
		if (asked == null || (asked.getAlgorithm() != null && !asked.getAlgorithm().equalsIgnoreCase("MD5"))) {
			return null;
		}
		Request retry = (Request) original.clone();
		CSeqHeader cseq = (CSeqHeader) retry.getHeader(CSeqHeader.NAME);
		cseq.setSeqNumber(cseq.getSeqNumber() + 1);
		ViaHeader via = (ViaHeader) retry.getHeader(ViaHeader.NAME);
		retry.removeHeader(ViaHeader.NAME);
		retry.addHeader(sip.headers.createViaHeader(via.getHost(), via.getPort(), via.getTransport(), null));
		AuthorizationHeader answer = proxy ? sip.headers.createProxyAuthorizationHeader("Digest")
				: sip.headers.createAuthorizationHeader("Digest");
		String uri = retry.getRequestURI().toString();
		String qop = qop(asked.getQop());
		String clientNonce = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		answer.setUsername(username);
		answer.setRealm(asked.getRealm());
		answer.setNonce(asked.getNonce());
		answer.setURI(retry.getRequestURI());
		answer.setResponse(Digest.response(Digest.ha1(username, asked.getRealm(), password), asked.getNonce(),
				Request.INVITE, uri, qop, "00000001", clientNonce));
		answer.setAlgorithm("MD5");
		if (asked.getOpaque() != null) {
			answer.setOpaque(asked.getOpaque());
		}
		if (qop != null) {
			answer.setQop(qop);
			answer.setCNonce(clientNonce);
			answer.setNonceCount(1);
		}
		retry.addHeader(answer);
		return retry;
	}

	/** RFC 2617 §3.2.1: of the qop values offered we do "auth" only; none offered is the RFC 2069 form. */
	private static String qop(String offered) {
		if (offered == null) {
			return null;
		}
		for (String value : offered.split(",")) {
			if (value.trim().equalsIgnoreCase("auth")) {
				return "auth";
			}
		}
		return null;
	}
}
