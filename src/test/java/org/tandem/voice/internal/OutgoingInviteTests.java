package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.Test;

class OutgoingInviteTests {

	@Test
	void answersAProxysChallengeWithTheNextCSeqAndCredentialsTheProxyCanCheck() throws Exception {
		Sip sip = new Sip("192.0.2.10", 5060);
		SipURI number = sip.addresses.createSipURI("+15035550123", "proxy.carrier.example");
		Request invite = OutgoingInvite.build(sip, sip.headers.createCallIdHeader("ring-1@192.0.2.10"), number,
				sip.addresses.createAddress(number),
				sip.addresses.createAddress(sip.addresses.createSipURI("+15035550199", "proxy.carrier.example")),
				OutgoingInvite.offer("192.0.2.10", 10000, 1), Map.of("X-Tandem-Contact", "contact-42"));
		Response challenge = sip.response(Response.PROXY_AUTHENTICATION_REQUIRED, invite);
		ProxyAuthenticateHeader asked = sip.headers.createProxyAuthenticateHeader("Digest");
		asked.setRealm("carrier.example");
		asked.setNonce("4a7f3c1e9b");
		asked.setQop("auth,auth-int");
		challenge.addHeader(asked);

		Request retry = OutgoingInvite.authorized(sip, invite, challenge, "tandem-practice", "trunk-secret-7");

		AuthorizationHeader answer = (AuthorizationHeader) retry.getHeader(ProxyAuthorizationHeader.NAME);
		assertThat(answer.getQop()).isEqualTo("auth");
		assertThat(Digest.answers(answer, Digest.ha1("tandem-practice", "carrier.example", "trunk-secret-7"),
				Request.INVITE)).isTrue();
		assertThat(((CSeqHeader) retry.getHeader(CSeqHeader.NAME)).getSeqNumber()).isEqualTo(2);
		assertThat(((ViaHeader) retry.getHeader(ViaHeader.NAME)).getBranch()).isNull();
		assertThat(retry.getHeader("X-Tandem-Contact")).isNotNull();
		assertThat(((CSeqHeader) invite.getHeader(CSeqHeader.NAME)).getSeqNumber()).as("the original is untouched")
			.isEqualTo(1);
	}

	@Test
	void offersBothLawsAndTelephoneEvents() {
		SdpOffer offer = SdpOffer.parse(OutgoingInvite.offer("192.0.2.10", 10000, 7));

		assertThat(offer.payloadTypes()).containsExactly(0, 8, 101);
		assertThat(offer.telephoneEvent()).hasValue(101);
		assertThat(offer.port()).isEqualTo(10000);
	}
}
