package org.tandem.voice.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicInteger;

/** Hands out even ports from the configured range (RFC 3550 §11: RTP on even, RTCP on the next odd). */
final class RtpPorts {

	private final String bindAddress;

	private final ProtocolFamily family;

	private final int first;

	private final int pairs;

	private final AtomicInteger next = new AtomicInteger();

	RtpPorts(String bindAddress, int min, int max) {
		this.bindAddress = bindAddress;
		// An IPv4 address gets IPv4 sockets: Java's default dual-stack socket sends every packet through the
		// kernel's IPv6 path first.
		this.family = new InetSocketAddress(bindAddress, 0).getAddress() instanceof Inet4Address
				? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
		this.first = min + (min & 1);
		this.pairs = Math.max(1, (max - first + 1) / 2);
	}

	/** A non-blocking channel bound to the next free even port, skipping ports others hold. */
	DatagramChannel open() {
		for (int attempt = 0; attempt < pairs; attempt++) {
			int port = first + 2 * Math.floorMod(next.getAndIncrement(), pairs);
			DatagramChannel channel = null;
			try {
				channel = DatagramChannel.open(family);
				channel.bind(new InetSocketAddress(bindAddress, port));
				channel.configureBlocking(false);
				return channel;
			}
			catch (IOException taken) {
				closeQuietly(channel);
			}
		}
		throw new UncheckedIOException(new IOException("No free RTP port between tandem.voice.rtp-port-min and -max"));
	}

	private static void closeQuietly(DatagramChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ignored) {
				// Nothing was bound.
			}
		}
	}
}
