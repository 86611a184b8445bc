package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class SdpTests {

	private static final String OFFER = """
			v=0\r
			o=user1 53655765 2353687637 IN IP4 192.0.2.10\r
			s=-\r
			c=IN IP4 192.0.2.10\r
			t=0 0\r
			m=audio 6000 RTP/AVP 18 8 0 101\r
			a=rtpmap:18 G729/8000\r
			a=rtpmap:8 PCMA/8000\r
			a=rtpmap:0 PCMU/8000\r
			a=rtpmap:101 telephone-event/8000\r
			a=fmtp:101 0-15\r
			""";

	@Test
	void choosesTheCallersFirstG711Codec() {
		SdpOffer offer = SdpOffer.parse(OFFER);

		assertThat(offer.address()).isEqualTo("192.0.2.10");
		assertThat(offer.port()).isEqualTo(6000);
		assertThat(offer.chooseCodec()).contains(Codec.PCMA);
		assertThat(offer.telephoneEvent()).hasValue(101);
	}

	@Test
	void mediaLevelConnectionOverridesTheSessionLevel() {
		SdpOffer offer = SdpOffer.parse(OFFER.replace("m=audio 6000 RTP/AVP 18 8 0 101\r\n",
				"m=audio 6000 RTP/AVP 0\r\nc=IN IP4 198.51.100.7\r\n"));

		assertThat(offer.address()).isEqualTo("198.51.100.7");
		assertThat(offer.chooseCodec()).contains(Codec.PCMU);
	}

	@Test
	void findsNoCodecWhenOnlyOthersAreOffered() {
		assertThat(SdpOffer.parse(OFFER.replace("18 8 0 101", "18 9")).chooseCodec()).isEmpty();
	}

	@Test
	void refusesAnOfferWithoutAudio() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SdpOffer.parse("v=0\r\nc=IN IP4 192.0.2.1\r\nm=video 5000 RTP/AVP 96\r\n"));
	}

	@Test
	void answersWithOneCodecAndTelephoneEvents() {
		String answer = SdpAnswer.build("203.0.113.5", 10002, 42, Codec.PCMU, OptionalInt.of(101));

		assertThat(answer).contains("c=IN IP4 203.0.113.5\r\n", "m=audio 10002 RTP/AVP 0 101\r\n",
				"a=rtpmap:0 PCMU/8000\r\n", "a=rtpmap:101 telephone-event/8000\r\n");
	}
}
