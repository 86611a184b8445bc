package org.tandem.voice.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The address our SDP and Contact give the other side. Listening on every interface (0.0.0.0) names no
 * address a phone could send to, and the host name often resolves to loopback, so one is picked: the
 * address this machine reaches the outside from.
 */
final class MediaAddress {

	private static final Logger log = LoggerFactory.getLogger(MediaAddress.class);

	/** TEST-NET-1 (RFC 5737): connecting a UDP socket only looks up the route; no packet is sent. */
	private static final InetSocketAddress OUTSIDE = new InetSocketAddress("192.0.2.1", 9);

	private static final String LOOPBACK = "127.0.0.1";

	private MediaAddress() {
	}

	static String of(String mediaAddress, String bindAddress) {
		if (mediaAddress != null) {
			return mediaAddress;
		}
		if (!"0.0.0.0".equals(bindAddress)) {
			return bindAddress;
		}
		String chosen = choose(routed(), interfaceAddresses());
		log.info("SDP and Contact give {} as this machine's address; set TANDEM_MEDIA_ADDRESS "
				+ "(tandem.voice.media-address) if phones must reach it elsewhere, e.g. behind NAT", chosen);
		if (LOOPBACK.equals(chosen)) {
			log.warn("No network interface but loopback is up: only phones on this machine can reach the media");
		}
		return chosen;
	}

	/**
	 * The routed address if it is one a phone can send to, else the first private (site-local) address of
	 * an interface, else any other, and loopback only when nothing else exists. SDP here is IPv4 only.
	 */
	static String choose(Optional<InetAddress> routed, List<InetAddress> interfaces) {
		Predicate<InetAddress> reachable = address -> address instanceof Inet4Address && !address.isAnyLocalAddress()
				&& !address.isLoopbackAddress() && !address.isLinkLocalAddress();
		return routed.filter(reachable)
			.or(() -> interfaces.stream().filter(reachable.and(InetAddress::isSiteLocalAddress)).findFirst())
			.or(() -> interfaces.stream().filter(reachable).findFirst())
			.map(InetAddress::getHostAddress)
			.orElse(LOOPBACK);
	}

	private static Optional<InetAddress> routed() {
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.connect(OUTSIDE);
			return Optional.ofNullable(socket.getLocalAddress());
		}
		catch (IOException | UncheckedIOException e) {
			// No route out, e.g. no default gateway: the interfaces decide.
			return Optional.empty();
		}
	}

	private static List<InetAddress> interfaceAddresses() {
		try {
			return NetworkInterface.networkInterfaces().filter(MediaAddress::up)
				.flatMap(NetworkInterface::inetAddresses).toList();
		}
		catch (IOException e) {
			return List.of();
		}
	}

	private static boolean up(NetworkInterface network) {
		try {
			return network.isUp();
		}
		catch (IOException e) {
			return false;
		}
	}
}
