package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;

import org.junit.jupiter.api.Test;

class RtpPortsTests {

	@Test
	void handsOutEvenPortsAndSkipsOnesAlreadyTaken() throws IOException {
		int base = evenPortPairFree();
		try (DatagramChannel taken = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", base))) {
			RtpPorts ports = new RtpPorts("127.0.0.1", base, base + 3);

			try (DatagramChannel first = ports.open()) {
				assertThat(first.socket().getLocalPort()).isEqualTo(base + 2);
				assertThatThrownBy(ports::open).isInstanceOf(UncheckedIOException.class)
					.hasMessageContaining("tandem.voice.rtp-port-min");
			}
		}
	}

	/** An even port whose pair of successors is free too, found by asking the system for ports. */
	private static int evenPortPairFree() throws IOException {
		for (int attempt = 0; attempt < 50; attempt++) {
			int candidate;
			try (DatagramChannel probe = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
				candidate = probe.socket().getLocalPort() & ~1;
			}
			if (candidate >= 1024 && candidate + 3 <= 65535 && free(candidate) && free(candidate + 2)) {
				return candidate;
			}
		}
		throw new IllegalStateException("no free even port pair on loopback");
	}

	private static boolean free(int port) {
		try (DatagramChannel probe = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", port))) {
			return true;
		}
		catch (IOException taken) {
			return false;
		}
	}
}
