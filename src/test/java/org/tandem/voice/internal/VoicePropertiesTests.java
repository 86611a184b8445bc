package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VoicePropertiesTests {

	@Test
	void readsTheOutboundProxyWithTheSipPortAsDefault() {
		assertThat(outbound("sip.carrier.example", null, null).outboundProxyHost()).isEqualTo("sip.carrier.example");
		assertThat(outbound("sip.carrier.example", null, null).outboundProxyPort()).isEqualTo(5060);
		assertThat(outbound("203.0.113.5:5080", "user", "secret").outboundProxyPort()).isEqualTo(5080);
		assertThat(outbound(" ", null, null).outboundProxy()).isNull();
	}

	@Test
	void refusesOutboundSettingsThatCannotWork() {
		assertThatThrownBy(() -> outbound("sip:carrier.example", null, null)).hasMessageContaining("tandem.voice.outbound-proxy");
		assertThatThrownBy(() -> outbound("carrier.example:70000", null, null)).hasMessageContaining("tandem.voice.outbound-proxy");
		assertThatThrownBy(() -> outbound("carrier.example", "user", null)).hasMessageContaining("tandem.voice.outbound-username");
		assertThatThrownBy(() -> outbound(null, "user", "secret")).hasMessageContaining("needs tandem.voice.outbound-proxy");
	}

	private static VoiceProperties outbound(String proxy, String username, String password) {
		return new VoiceProperties(null, null, null, null, null, null, null, null, null, proxy, username, password);
	}
}
