package org.tandem.voice.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether the SIP and RTP ports are opened at all
 * @param bindAddress the address SIP and RTP listen on
 * @param sipPort UDP and TCP port for SIP; 0 picks a free one (tests)
 * @param rtpPortMin first port of the RTP range (even, RFC 3550 §11)
 * @param rtpPortMax last port of the RTP range
 * @param mediaAddress the address written into our SDP; defaults to the bind address, or when that is
 *        0.0.0.0 to the address this machine reaches the outside from
 * @param trunks the carriers allowed to send INVITEs
 * @param realm the digest realm agents' phones register in
 * @param mediaTimeout a call with no RTP for this long is hung up
 * @param outboundProxy {@code host:port} (port 5060 when left out) that INVITEs to phone numbers go through
 * @param outboundUsername digest user for the outbound proxy's 401 or 407 challenge, if it sends one
 * @param outboundPassword digest password for the outbound proxy
 */
@ConfigurationProperties("tandem.voice")
public record VoiceProperties(Boolean enabled, String bindAddress, Integer sipPort, Integer rtpPortMin,
		Integer rtpPortMax, String mediaAddress, List<Trunk> trunks, String realm, Duration mediaTimeout,
		String outboundProxy, String outboundUsername, String outboundPassword) {

	public VoiceProperties {
		enabled = enabled == null || enabled;
		bindAddress = blank(bindAddress) ? "0.0.0.0" : bindAddress;
		sipPort = sipPort == null ? 5060 : sipPort;
		rtpPortMin = rtpPortMin == null ? 10000 : rtpPortMin;
		rtpPortMax = rtpPortMax == null ? 20000 : rtpPortMax;
		mediaAddress = blank(mediaAddress) ? null : mediaAddress;
		trunks = trunks == null ? List.of() : List.copyOf(trunks);
		realm = blank(realm) ? "tandem" : realm;
		mediaTimeout = mediaTimeout == null ? Duration.ofSeconds(60) : mediaTimeout;
		outboundProxy = blank(outboundProxy) ? null : outboundProxy.trim();
		outboundUsername = blank(outboundUsername) ? null : outboundUsername;
		outboundPassword = blank(outboundPassword) ? null : outboundPassword;
		if (sipPort < 0 || sipPort > 65535) {
			throw new IllegalStateException("tandem.voice.sip-port must be between 0 and 65535");
		}
		if (rtpPortMin < 1024 || rtpPortMax > 65535 || rtpPortMax < rtpPortMin + 1) {
			throw new IllegalStateException(
					"tandem.voice.rtp-port-min and tandem.voice.rtp-port-max must span at least two ports in 1024-65535");
		}
		if (mediaTimeout.isNegative() || mediaTimeout.isZero()) {
			throw new IllegalStateException("tandem.voice.media-timeout must be positive");
		}
		if (outboundProxy != null && !outboundProxy.matches("[A-Za-z0-9.\\-]+(:\\d{1,5})?")) {
			throw new IllegalStateException("tandem.voice.outbound-proxy must be host or host:port, not " + outboundProxy);
		}
		if (outboundProxy != null && outboundProxyPort(outboundProxy) > 65535) {
			throw new IllegalStateException("tandem.voice.outbound-proxy has a port above 65535");
		}
		if ((outboundUsername == null) != (outboundPassword == null)) {
			throw new IllegalStateException("tandem.voice.outbound-username and .outbound-password go together");
		}
		if (outboundUsername != null && outboundProxy == null) {
			throw new IllegalStateException("tandem.voice.outbound-username needs tandem.voice.outbound-proxy");
		}
		for (int i = 0; i < trunks.size(); i++) {
			Trunk trunk = trunks.get(i);
			if (trunk.name() == null || (trunk.addresses().isEmpty() && trunk.username() == null)) {
				throw new IllegalStateException(
						"tandem.voice.trunks[" + i + "] needs a name and addresses or a username and password");
			}
			if ((trunk.username() == null) != (trunk.password() == null)) {
				throw new IllegalStateException(
						"tandem.voice.trunks[" + i + "].username and .password go together");
			}
		}
	}

	/**
	 * A carrier's SIP trunk.
	 * @param addresses source IP addresses its INVITEs are accepted from without authentication
	 * @param username digest user the carrier authenticates its INVITEs with, from any address
	 * @param password digest password
	 */
	public record Trunk(String name, List<String> addresses, String username, String password) {

		public Trunk {
			addresses = addresses == null ? List.of() : List.copyOf(addresses);
		}
	}

	/** The outbound proxy's host; null when none is configured. */
	String outboundProxyHost() {
		return outboundProxy == null ? null : outboundProxy.split(":")[0];
	}

	int outboundProxyPort() {
		return outboundProxyPort(outboundProxy);
	}

	private static int outboundProxyPort(String proxy) {
		int colon = proxy.indexOf(':');
		return colon < 0 ? 5060 : Integer.parseInt(proxy.substring(colon + 1));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
