package org.tandem.voice.internal;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ListIterator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.header.AcceptHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Answers INVITEs from the practice's trunks (by address or digest) at once with our SDP; refuses everyone else. */
final class InviteHandler implements RequestHandler {

	private final Sip sip;

	private final Set<String> trunkAddresses;

	private final TrunkDigest trunkDigest;

	private final CallLegs legs;

	private final MediaEngine media;

	private final OutgoingLegs outgoing;

	InviteHandler(Sip sip, Set<String> trunkAddresses, TrunkDigest trunkDigest, CallLegs legs, MediaEngine media,
			OutgoingLegs outgoing) {
		this.sip = sip;
		this.trunkAddresses = trunkAddresses;
		this.trunkDigest = trunkDigest;
		this.legs = legs;
		this.media = media;
		this.outgoing = outgoing;
	}

	@Override
	public String method() {
		return Request.INVITE;
	}

	@Override
	public void handle(RequestEvent event, ServerTransaction transaction) throws Exception {
		Request request = event.getRequest();
		Optional<CallLeg> existing = legs.of(request);
		if (existing.isPresent()) {
			// A re-INVITE (hold, refresh) or an INVITE retransmitted after our 200 was lost: same answer.
			transaction.sendResponse(ok(request, existing.get().tag(), existing.get().answer()));
			return;
		}
		Optional<OutgoingLeg> rung = outgoing.of(request);
		if (rung.isPresent() && rung.get().answer() != null) {
			// A re-INVITE from a phone we rang (hold, session refresh): the codec it answered stays.
			transaction.sendResponse(ok(request, null, rung.get().answer()));
			return;
		}
		if (!trunkAddresses.contains(Sip.sourceAddress(request))) {
			Optional<Response> refusal = trunkDigest.refusal(request);
			if (refusal.isPresent()) {
				transaction.sendResponse(refusal.get());
				return;
			}
		}
		if (!acceptsSdp(request)) {
			sip.respond(transaction, Response.NOT_ACCEPTABLE);
			return;
		}
		// No 100 Trying of our own: the answer follows at once, and should it not within 200 ms the stack sends
		// one itself (RFC 3261 §17.2.1).
		Optional<SdpOffer> offer = offer(request);
		Optional<Codec> codec = offer.flatMap(SdpOffer::chooseCodec);
		if (codec.isEmpty()) {
			transaction.sendResponse(notAcceptable(request));
			return;
		}
		CallLeg leg = new CallLeg(UUID.randomUUID().toString(), Sip.callId(request), Long.toHexString(ThreadLocalRandom.current().nextLong()),
				transaction, (SipProvider) event.getSource(), legs);
		RtpSession session;
		try {
			session = media.open(codec.get(), offer.get().telephoneEvent(),
					new InetSocketAddress(offer.get().address(), offer.get().port()), leg);
		}
		catch (UncheckedIOException noFreePort) {
			// RFC 3261 §21.5.4: overloaded for now; the carrier may try another route or retry later.
			sip.respond(transaction, Response.SERVICE_UNAVAILABLE);
			return;
		}
		leg.attach(session, media, SdpAnswer.build(sip.host, session.localPort(),
				ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE), codec.get(), offer.get().telephoneEvent()));
		// Known before the 200 leaves: a caller may ACK and BYE the moment it arrives, and a BYE for a call
		// not yet known gets 481 (RFC 3261 §15.1.2), leaving the call and its RTP port up until media times out.
		legs.answered(leg, Sip.user(((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI()),
				Sip.user(request.getRequestURI()));
		transaction.sendResponse(ok(request, leg.tag(), leg.answer()));
	}

	/**
	 * RFC 3261 §21.4.7 (RFC 4475 §3.3.15): our answer is SDP, so a caller whose Accept names no SDP gets 406.
	 * No Accept at all means application/sdp (§20.1).
	 */
	private static boolean acceptsSdp(Request request) {
		ListIterator<?> accepts = request.getHeaders(AcceptHeader.NAME);
		if (!accepts.hasNext()) {
			return true;
		}
		while (accepts.hasNext()) {
			AcceptHeader accept = (AcceptHeader) accepts.next();
			if (matches(accept.getContentType(), "application") && matches(accept.getContentSubType(), "sdp")) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(String range, String type) {
		return "*".equals(range) || type.equalsIgnoreCase(range);
	}

	/**
	 * An INVITE without an offer (RFC 3264 §4 allows the offer in our 200 instead) is not supported:
	 * every trunk we know of sends one, so it is treated like an offer with nothing we can use.
	 */
	private static Optional<SdpOffer> offer(Request request) {
		byte[] body = request.getRawContent();
		if (body == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(SdpOffer.parse(new String(body, StandardCharsets.UTF_8)));
		}
		catch (IllegalArgumentException unreadable) {
			return Optional.empty();
		}
	}

	/** RFC 3261 §21.4.26 with warning 305 (§20.43): nothing in the offer is PCMU or PCMA. */
	private Response notAcceptable(Request request) throws Exception {
		Response response = sip.response(Response.NOT_ACCEPTABLE_HERE, request);
		response.addHeader(sip.headers.createWarningHeader("tandem", 305, "Incompatible media format"));
		return response;
	}

	private Response ok(Request request, String tag, String answer) throws Exception {
		Response ok = sip.response(Response.OK, request);
		ToHeader to = (ToHeader) ok.getHeader(ToHeader.NAME);
		if (to.getTag() == null) {
			to.setTag(tag);
		}
		ok.addHeader(sip.contact());
		sip.allow(ok);
		ok.setContent(answer, sip.headers.createContentTypeHeader("application", "sdp"));
		return ok;
	}
}
