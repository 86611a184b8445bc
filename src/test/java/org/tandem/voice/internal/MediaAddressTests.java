package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MediaAddressTests {

	@Test
	void takesTheConfiguredAddressThenTheBindAddress() {
		assertThat(MediaAddress.of("203.0.113.7", "0.0.0.0")).isEqualTo("203.0.113.7");
		assertThat(MediaAddress.of(null, "10.1.2.3")).isEqualTo("10.1.2.3");
	}

	@Test
	void prefersTheAddressTheMachineReachesTheOutsideFrom() throws UnknownHostException {
		assertThat(MediaAddress.choose(Optional.of(ip("198.51.100.20")), List.of(ip("192.168.1.5"))))
			.isEqualTo("198.51.100.20");
	}

	@Test
	void fallsBackToAPrivateInterfaceAddressWhenNothingIsRouted() throws UnknownHostException {
		List<InetAddress> interfaces = List.of(ip("127.0.0.1"), ip("::1"), ip("169.254.10.10"), ip("198.51.100.20"),
				ip("10.0.0.4"));

		assertThat(MediaAddress.choose(Optional.empty(), interfaces)).isEqualTo("10.0.0.4");
		assertThat(MediaAddress.choose(Optional.of(ip("0.0.0.0")), interfaces)).isEqualTo("10.0.0.4");
		assertThat(MediaAddress.choose(Optional.empty(), interfaces.subList(0, 4))).isEqualTo("198.51.100.20");
	}

	@Test
	void saysLoopbackOnlyWhenNothingElseExists() throws UnknownHostException {
		assertThat(MediaAddress.choose(Optional.of(ip("127.0.0.1")), List.of(ip("127.0.0.1"), ip("fe80::1"))))
			.isEqualTo("127.0.0.1");
	}

	private static InetAddress ip(String literal) throws UnknownHostException {
		return InetAddress.getByName(literal);
	}
}
