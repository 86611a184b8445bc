package org.tandem.voice.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TooManyListenersException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tandem.directory.Directory;
import org.tandem.voice.CallEnded;

/** Opens the SIP port on UDP and TCP and the RTP media engine for as long as the application runs. */
@Component
@ConditionalOnProperty(name = "tandem.voice.enabled", havingValue = "true", matchIfMissing = true)
class SipServer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SipServer.class);

	/** JAIN-SIP hands back an existing stack for a name it knows, so every stack gets its own. */
	private static final AtomicInteger stacks = new AtomicInteger();

	private final VoiceProperties properties;

	private final CallLegs legs;

	private final PhoneCredentials credentials;

	private final Directory directory;

	private final Registrations registrations;

	private final Clock clock;

	private final OutgoingLegs outgoing;

	private volatile SipStack stack;

	private volatile MediaEngine media;

	private volatile int port;

	SipServer(VoiceProperties properties, CallLegs legs, PhoneCredentials credentials, Directory directory,
			Registrations registrations, Clock clock, OutgoingLegs outgoing) {
		this.properties = properties;
		this.legs = legs;
		this.credentials = credentials;
		this.directory = directory;
		this.registrations = registrations;
		this.clock = clock;
		this.outgoing = outgoing;
	}

	@Override
	public void start() {
		try {
			port = properties.sipPort() == 0 ? freePort(properties.bindAddress()) : properties.sipPort();
			media = new MediaEngine(new RtpPorts(properties.bindAddress(), properties.rtpPortMin(), properties.rtpPortMax()),
					properties.mediaTimeout().toNanos());
			Sip sip = new Sip(MediaAddress.of(properties.mediaAddress(), properties.bindAddress()), port);
			stack = SipFactory.getInstance().createSipStack(stackProperties());
			ListeningPoint udp = stack.createListeningPoint(properties.bindAddress(), port, ListeningPoint.UDP);
			ListeningPoint tcp = stack.createListeningPoint(properties.bindAddress(), port, ListeningPoint.TCP);
			SipProvider provider = stack.createSipProvider(udp);
			provider.addListeningPoint(tcp);
			provider.addSipListener(new SipDispatcher(sip, handlers(sip), outgoing));
			outgoing.open(sip, provider, media);
			stack.start();
			log.info("SIP listening on {}:{} (UDP and TCP), media at {}", properties.bindAddress(), port, sip.host);
		}
		catch (SipException | IOException | InvalidArgumentException | TooManyListenersException | RuntimeException e) {
			stop();
			throw new IllegalStateException("Could not open SIP on tandem.voice.bind-address " + properties.bindAddress()
					+ " and tandem.voice.sip-port " + properties.sipPort() + ": " + e.getMessage(), e);
		}
	}

	private List<RequestHandler> handlers(Sip sip) {
		Set<String> trunkAddresses = properties.trunks().stream().flatMap(trunk -> trunk.addresses().stream())
			.collect(Collectors.toUnmodifiableSet());
		Map<String, String> trunkPasswords = properties.trunks().stream().filter(trunk -> trunk.username() != null)
			.collect(Collectors.toMap(VoiceProperties.Trunk::username, VoiceProperties.Trunk::password));
		Nonces nonces = new Nonces(clock);
		return List.of(new OptionsHandler(sip),
				new InviteHandler(sip, trunkAddresses, new TrunkDigest(sip, properties.realm(), nonces, trunkPasswords), legs, media,
						outgoing),
				new ByeHandler(sip, legs, outgoing), new CancelHandler(sip, legs), new InfoHandler(sip, legs),
				new RegisterHandler(sip, properties.realm(), nonces, credentials, directory, registrations));
	}

	static final int MAX_MESSAGE_BYTES = 16 * 1024;

	private Properties stackProperties() {
		Properties stackProperties = new Properties();
		stackProperties.setProperty("javax.sip.STACK_NAME", "tandem-" + stacks.incrementAndGet());
		stackProperties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
		// The RI's default starts a thread per UDP datagram; a pool keeps thread count flat under load.
		stackProperties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
		// The stack's own default is the highest priority, which would put SIP parsing level with the media clocks.
		stackProperties.setProperty("gov.nist.javax.sip.THREAD_PRIORITY", String.valueOf(Thread.NORM_PRIORITY));
		// A bound on any one message: the RI otherwise reads each UDP datagram into a fresh 64 KB buffer, and
		// a TCP peer could send a message without end. A SIP message is rarely over a few kilobytes.
		stackProperties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", String.valueOf(MAX_MESSAGE_BYTES));
		stackProperties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
		// RFC 4475 §3.1.2.16, §3.3.8 and §3.3.9: requests the RI's own parser would take for valid ones.
		stackProperties.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY",
				StrictMessageParserFactory.class.getName());
		return stackProperties;
	}

	/** A port free on both UDP and TCP, since SIP listens on both. */
	private static int freePort(String bindAddress) throws IOException {
		InetAddress address = InetAddress.getByName(bindAddress);
		for (int attempt = 0; attempt < 20; attempt++) {
			try (ServerSocket tcp = new ServerSocket(0, 1, address);
					DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, tcp.getLocalPort()))) {
				return tcp.getLocalPort();
			}
			catch (BindException takenOnUdp) {
				// Try another.
			}
		}
		throw new UncheckedIOException(new BindException("No port free on both UDP and TCP"));
	}

	int port() {
		return port;
	}

	int activeMediaSessions() {
		return media.sessionCount();
	}

	@Override
	public void stop() {
		legs.all().forEach(leg -> legs.hangUp(leg, CallEnded.Reason.SHUTDOWN));
		if (stack != null) {
			stack.stop();
			stack = null;
		}
		if (media != null) {
			media.close();
			media = null;
		}
	}

	@Override
	public boolean isRunning() {
		return stack != null;
	}
}
