package org.tandem.voice.internal;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tandem.core.Conflict;
import org.tandem.platform.Threads;
import org.tandem.voice.CallEnded;
import org.tandem.voice.Destination;
import org.tandem.voice.RingAnswered;
import org.tandem.voice.RingFailed;

/**
 * The legs Tandem places to ring someone for a call, by the caller's call id and by their own SIP Call-ID,
 * and what their SIP responses, timeouts and BYEs mean for the call. A call rings one destination at a
 * time; the outcome goes out with the calls' own events, in order.
 */
@Component
class OutgoingLegs {

	private static final Logger log = LoggerFactory.getLogger(OutgoingLegs.class);

	/** RFC 3261 §9.1: with no final response 64*T1 after a CANCEL, the INVITE is taken as cancelled. */
	private static final Duration CANCEL_GRACE = Duration.ofSeconds(32);

	private static final String SAFE_USER = "[+0-9A-Za-z*#.\\-]{1,32}";

	private final Map<String, OutgoingLeg> byCall = new ConcurrentHashMap<>();

	private final Map<String, OutgoingLeg> bySipCallId = new ConcurrentHashMap<>();

	private final CallLegs calls;

	private final Registrations registrations;

	private final PhoneCredentials credentials;

	private final VoiceProperties properties;

	private final Clock clock;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Threads.named("voice-rings"));

	private volatile Sip sip;

	private volatile SipProvider provider;

	private volatile MediaEngine media;

	OutgoingLegs(CallLegs calls, Registrations registrations, PhoneCredentials credentials, VoiceProperties properties,
			Clock clock) {
		this.calls = calls;
		this.registrations = registrations;
		this.credentials = credentials;
		this.properties = properties;
		this.clock = clock;
		calls.whenEnded(this::callerEnded);
	}

	/** The SIP stack and media engine, once the SIP server has opened them. */
	void open(Sip sip, SipProvider provider, MediaEngine media) {
		this.sip = sip;
		this.provider = provider;
		this.media = media;
	}

	@PreDestroy
	void close() {
		timer.shutdownNow();
	}

	/** The leg an in-dialog request from the rung phone (its BYE, a re-INVITE) belongs to. */
	Optional<OutgoingLeg> of(Request request) {
		return Optional.ofNullable(bySipCallId.get(Sip.callId(request)));
	}

	Optional<OutgoingLeg> find(String callId) {
		return Optional.ofNullable(byCall.get(callId));
	}

	/**
	 * Replaces a ring in progress, or an answer not yet bridged, quietly. A bridged call is not rung
	 * again: the caller would lose the person they are talking to without anyone saying so.
	 */
	void ring(CallLeg caller, Destination destination, Map<String, String> context, Duration timeout) {
		OutgoingLeg current = byCall.get(caller.id());
		if (current != null && current.state() == OutgoingLeg.State.BRIDGED) {
			throw new Conflict("Call " + caller.id() + " is bridged; it cannot ring elsewhere");
		}
		OutgoingLeg previous = byCall.remove(caller.id());
		if (previous != null) {
			release(previous);
		}
		Optional<Target> target = target(caller, destination);
		if (target.isEmpty()) {
			return;
		}
		CallIdHeader sipCallId = provider.getNewCallId();
		OutgoingLeg leg = new OutgoingLeg(caller.id(), destination, sipCallId.getCallId(), this);
		try {
			leg.attach(media.open(Codec.PCMU, OptionalInt.empty(), null, leg));
		}
		catch (UncheckedIOException noFreePort) {
			log.warn("No RTP port free to ring for call {}", caller.id());
			calls.publish(new RingFailed(caller.id(), destination, RingFailed.Reason.UNREACHABLE));
			return;
		}
		byCall.put(caller.id(), leg);
		bySipCallId.put(leg.sipCallId(), leg);
		try {
			Request invite = OutgoingInvite.build(sip, sipCallId, target.get().uri(), target.get().to(),
					target.get().from(), OutgoingInvite.offer(sip.host, leg.media().localPort(),
							ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE)),
					ContextHeaders.of(context));
			ClientTransaction transaction = provider.getNewClientTransaction(invite);
			leg.sending(transaction);
			transaction.sendRequest();
			leg.timeout(timer.schedule(() -> noAnswer(leg), timeout.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
			log.warn("Could not ring {} for call {}: {}", destination, caller.id(), e.getMessage());
			failed(leg, RingFailed.Reason.UNREACHABLE);
		}
	}

	/** Where the INVITE goes and whom it names; empty when there is nowhere to ring, after saying why. */
	private Optional<Target> target(CallLeg caller, Destination destination) {
		try {
			return destination instanceof Destination.Phone phone ? phone(caller, phone)
					: number(caller, (Destination.Number) destination);
		}
		catch (ParseException | ClassCastException e) {
			log.warn("Cannot ring {} for call {}: {}", destination, caller.id(), e.getMessage());
			calls.publish(new RingFailed(caller.id(), destination, RingFailed.Reason.UNREACHABLE));
			return Optional.empty();
		}
	}

	/** The phone registered for the staff member's SIP user; the agent sees who calls in the From. */
	private Optional<Target> phone(CallLeg caller, Destination.Phone phone) throws ParseException {
		Optional<String> contact = credentials.forStaff(phone.staffId())
			.flatMap(credential -> registrations.find(credential.sipUser())
				.map(binding -> binding.contact() + "\n" + credential.sipUser()));
		if (contact.isEmpty()) {
			calls.publish(new RingFailed(caller.id(), phone, RingFailed.Reason.NOT_REGISTERED));
			return Optional.empty();
		}
		String[] contactAndUser = contact.get().split("\n");
		SipURI uri = (SipURI) sip.addresses.createURI(contactAndUser[0]);
		Address to = sip.addresses.createAddress(sip.addresses.createSipURI(contactAndUser[1], sip.host));
		String callerNumber = caller.callerNumber().matches(SAFE_USER) ? caller.callerNumber() : "anonymous";
		Address from = sip.addresses.createAddress(sip.addresses.createSipURI(callerNumber, sip.host));
		from.setDisplayName(callerNumber);
		return Optional.of(new Target(uri, to, from));
	}

	/**
	 * A number goes to the carrier's proxy. The From is the practice number the caller dialled, since
	 * carriers only pass on caller ids the customer owns.
	 */
	private Optional<Target> number(CallLeg caller, Destination.Number number) throws ParseException {
		if (properties.outboundProxy() == null) {
			log.warn("Cannot ring {} for call {}: set tandem.voice.outbound-proxy to the carrier's SIP proxy (host:port)",
					number.number().e164(), caller.id());
			calls.publish(new RingFailed(caller.id(), number, RingFailed.Reason.UNREACHABLE));
			return Optional.empty();
		}
		SipURI uri = sip.addresses.createSipURI(number.number().e164(), properties.outboundProxyHost());
		uri.setPort(properties.outboundProxyPort());
		String practiceNumber = caller.dialledNumber().matches(SAFE_USER) ? caller.dialledNumber() : "tandem";
		Address from = sip.addresses.createAddress(sip.addresses.createSipURI(practiceNumber, properties.outboundProxyHost()));
		return Optional.of(new Target(uri, sip.addresses.createAddress(uri), from));
	}

	private record Target(SipURI uri, Address to, Address from) {
	}

	void stopRinging(CallLeg caller) {
		OutgoingLeg leg = byCall.get(caller.id());
		if (leg != null && leg.state() != OutgoingLeg.State.BRIDGED && byCall.remove(caller.id(), leg)) {
			release(leg);
		}
	}

	/** What each side sends goes to the other from the moment a packet arrives; the caller's playback stops. */
	void bridge(CallLeg caller) {
		OutgoingLeg leg = byCall.get(caller.id());
		if (leg == null) {
			throw new Conflict("Call " + caller.id() + " has no answered ring to bridge");
		}
		leg.bridge();
		caller.stop();
		RtpSession callerMedia = caller.media();
		RtpSession otherMedia = leg.media();
		otherMedia.relayTo(new RtpRelay(leg.events(), callerMedia, callerMedia.codec(), callerMedia.eventPayloadType()));
		callerMedia.relayTo(new RtpRelay(callerMedia.eventPayloadType(), otherMedia, leg.codec(), leg.events()));
	}

	/** A response to one of our INVITEs; responses to our CANCELs and BYEs change nothing. */
	void response(ResponseEvent event) {
		Response response = event.getResponse();
		CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
		if (!Request.INVITE.equals(cseq.getMethod())) {
			return;
		}
		int status = response.getStatusCode();
		OutgoingLeg leg = bySipCallId.get(Sip.callId(response));
		if (leg == null || event.getClientTransaction() == null || event.getClientTransaction() != leg.invite()
				|| (status / 100 == 2 && leg.ack() != null)) {
			if (status / 100 == 2) {
				late(event, leg, cseq.getSeqNumber());
			}
			return;
		}
		try {
			if (status < 200) {
				if (leg.provisional()) {
					cancel(leg);
				}
			}
			else if (status < 300) {
				answered(leg, event, cseq.getSeqNumber());
			}
			else if ((status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)
					&& leg.destination() instanceof Destination.Number && properties.outboundUsername() != null
					&& leg.mayAnswerChallenge()) {
				authenticate(leg, response);
			}
			else {
				log.info("Ring for call {} refused: {} {}", leg.callId(), status, response.getReasonPhrase());
				failed(leg, reason(status));
			}
		}
		catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
			log.warn("Could not act on {} for call {}: {}", status, leg.callId(), e.getMessage());
			failed(leg, RingFailed.Reason.UNREACHABLE);
		}
	}

	/**
	 * RFC 3261 §21: BUSY for 486 Busy Here and 600 Busy Everywhere. DECLINED when the person chose not to
	 * take it: 603 Decline, and 480 Temporarily Unavailable, which phones send with do-not-disturb on.
	 * Everything else (3xx, which we do not follow, 404, 488, 5xx, credentials refused) is UNREACHABLE:
	 * routing or configuration, not a person, kept the ring from arriving.
	 */
	static RingFailed.Reason reason(int status) {
		return switch (status) {
			case Response.BUSY_HERE, Response.BUSY_EVERYWHERE -> RingFailed.Reason.BUSY;
			case Response.DECLINE, Response.TEMPORARILY_UNAVAILABLE -> RingFailed.Reason.DECLINED;
			default -> RingFailed.Reason.UNREACHABLE;
		};
	}

	/** RFC 3261 §13.2.2.4: every 2xx is ACKed, also one nobody wants any more, which then gets a BYE. */
	private void answered(OutgoingLeg leg, ResponseEvent event, long cseq) throws SipException, InvalidArgumentException {
		Dialog dialog = event.getDialog() != null ? event.getDialog() : event.getClientTransaction().getDialog();
		Request ack = dialog.createAck(cseq);
		dialog.sendAck(ack);
		if (!leg.answered(dialog, ack)) {
			bye(dialog);
			finish(leg);
			return;
		}
		leg.cancelTimeout();
		Optional<SdpOffer> answer = answer(event.getResponse());
		Optional<Codec> codec = answer.flatMap(SdpOffer::chooseCodec);
		if (codec.isEmpty()) {
			log.info("The answer for call {} has no PCMU or PCMA; hanging it up", leg.callId());
			leg.failed();
			bye(dialog);
			report(leg, RingFailed.Reason.UNREACHABLE);
			finish(leg);
			return;
		}
		leg.negotiated(codec.get(), answer.get().telephoneEvent(), SdpAnswer.build(sip.host, leg.media().localPort(),
				ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE), codec.get(), answer.get().telephoneEvent()));
		leg.media().sendTo(new InetSocketAddress(answer.get().address(), answer.get().port()));
		leg.media().restartMediaTimeout();
		if (leg.claimOutcome()) {
			calls.publish(new RingAnswered(leg.callId(), leg.destination(), clock.instant()));
		}
	}

	private static Optional<SdpOffer> answer(Response response) {
		byte[] body = response.getRawContent();
		try {
			return body == null ? Optional.empty() : Optional.of(SdpOffer.parse(new String(body, StandardCharsets.UTF_8)));
		}
		catch (IllegalArgumentException unreadable) {
			return Optional.empty();
		}
	}

	/**
	 * A 2xx for a leg given up or forgotten, or a retransmission: the stack passes those on without a
	 * transaction. Our ACK is repeated; an answer nobody wants is ACKed and hung up.
	 */
	private void late(ResponseEvent event, OutgoingLeg leg, long cseq) {
		try {
			if (leg != null && leg.ack() != null) {
				leg.dialog().sendAck(leg.ack());
				return;
			}
			Dialog dialog = event.getDialog();
			if (dialog != null) {
				dialog.sendAck(dialog.createAck(cseq));
				bye(dialog);
			}
		}
		catch (SipException | InvalidArgumentException | RuntimeException e) {
			log.debug("Could not ACK a late 2xx: {}", e.getMessage());
		}
	}

	private void authenticate(OutgoingLeg leg, Response challenge) throws ParseException, InvalidArgumentException,
			SipException {
		Request retry = OutgoingInvite.authorized(sip, leg.invite().getRequest(), challenge,
				properties.outboundUsername(), properties.outboundPassword());
		if (retry == null) {
			failed(leg, RingFailed.Reason.UNREACHABLE);
			return;
		}
		ClientTransaction transaction = provider.getNewClientTransaction(retry);
		leg.sending(transaction);
		transaction.sendRequest();
	}

	/** An INVITE nobody answered in time (Timer B, RFC 3261 §17.1.1.2) or could not be sent to. */
	void timeout(TimeoutEvent event) {
		if (event.isServerTransaction()) {
			return;
		}
		ClientTransaction transaction = event.getClientTransaction();
		Request request = transaction.getRequest();
		OutgoingLeg leg = bySipCallId.get(Sip.callId(request));
		if (Request.INVITE.equals(request.getMethod()) && leg != null && leg.invite() == transaction) {
			failed(leg, RingFailed.Reason.UNREACHABLE);
		}
	}

	/**
	 * The ring's timeout passed: NO_ANSWER, and the INVITE is cancelled. Giving up comes first, so that a
	 * 200 arriving meanwhile is either the answer (and this does nothing) or is hung up.
	 */
	private void noAnswer(OutgoingLeg leg) {
		OutgoingLeg.GiveUp giveUp = leg.stopRinging();
		if (giveUp == OutgoingLeg.GiveUp.NOTHING) {
			return;
		}
		byCall.remove(leg.callId(), leg);
		report(leg, RingFailed.Reason.NO_ANSWER);
		act(leg, giveUp);
	}

	/** The rung phone sent BYE. After the bridge the caller is hung up too; before it, the caller stays. */
	void hungUp(OutgoingLeg leg) {
		OutgoingLeg.State was = leg.hungUp();
		finish(leg);
		if (was == OutgoingLeg.State.BRIDGED) {
			calls.find(leg.callId()).ifPresent(caller -> calls.hangUp(caller, CallEnded.Reason.OTHER_SIDE_HUNG_UP));
		}
	}

	/** Called on the media clock: the rung phone went silent; handled off the clock. */
	void silent(OutgoingLeg leg) {
		timer.execute(() -> {
			OutgoingLeg.State was = leg.state();
			if (was == OutgoingLeg.State.CALLING || was == OutgoingLeg.State.ENDED) {
				// Phones send nothing while they ring: silence counts from the answer.
				return;
			}
			log.info("No RTP from the other side of call {}; hanging it up", leg.callId());
			byCall.remove(leg.callId(), leg);
			act(leg, leg.release());
			if (was == OutgoingLeg.State.BRIDGED) {
				calls.find(leg.callId()).ifPresent(caller -> calls.hangUp(caller, CallEnded.Reason.OTHER_SIDE_HUNG_UP));
			}
		});
	}

	/** The caller is gone: whatever rings or was answered for them ends too, without a ring outcome. */
	private void callerEnded(CallLeg caller) {
		OutgoingLeg leg = byCall.remove(caller.id());
		if (leg != null) {
			release(leg);
		}
	}

	/** Ends a leg nobody waits for any more, without reporting an outcome. */
	private void release(OutgoingLeg leg) {
		leg.cancelTimeout();
		leg.claimOutcome();
		act(leg, leg.release());
	}

	private void act(OutgoingLeg leg, OutgoingLeg.GiveUp giveUp) {
		switch (giveUp) {
			case CANCEL -> cancel(leg);
			case BYE -> {
				bye(leg.dialog());
				finish(leg);
			}
			case WAIT, NOTHING -> {
				// The provisional response or the transaction's timeout moves it on.
			}
		}
	}

	/** RFC 3261 §9.1; the INVITE's own 487 (or a racing 200) ends the leg. */
	private void cancel(OutgoingLeg leg) {
		try {
			Request cancel = leg.invite().createCancel();
			provider.getNewClientTransaction(cancel).sendRequest();
		}
		catch (SipException | RuntimeException e) {
			log.info("CANCEL for call {} failed: {}", leg.callId(), e.getMessage());
		}
		timer.schedule(() -> {
			if (leg.failed()) {
				finish(leg);
			}
		}, CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** RFC 3261 §15.1.1. */
	private void bye(Dialog dialog) {
		if (dialog == null) {
			return;
		}
		try {
			Request bye = dialog.createRequest(Request.BYE);
			dialog.sendRequest(provider.getNewClientTransaction(bye));
		}
		catch (SipException | RuntimeException e) {
			// The other side may be gone already; the leg ends on our side regardless.
			log.info("BYE on the other side failed: {}", e.getMessage());
		}
	}

	/** A final refusal, timeout or error: reported unless the ring was given up, and forgotten. */
	private void failed(OutgoingLeg leg, RingFailed.Reason reason) {
		leg.failed();
		report(leg, reason);
		finish(leg);
	}

	private void report(OutgoingLeg leg, RingFailed.Reason reason) {
		if (leg.claimOutcome()) {
			calls.publish(new RingFailed(leg.callId(), leg.destination(), reason));
		}
	}

	/** Forgets the leg and gives its RTP port back. */
	private void finish(OutgoingLeg leg) {
		leg.cancelTimeout();
		byCall.remove(leg.callId(), leg);
		if (bySipCallId.remove(leg.sipCallId(), leg) && leg.media() != null) {
			media.close(leg.media());
		}
	}
}
