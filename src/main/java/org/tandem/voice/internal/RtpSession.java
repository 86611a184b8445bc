package org.tandem.voice.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One call's audio stream: what we send every 20 ms and what we hear. Sending happens on the media
 * clock's thread and receiving on the receiver's thread, hence the volatile fields.
 */
final class RtpSession {

	/** What the call leg learns from the media. */
	interface Listener {

		void keyPressed(char key);

		void mediaTimedOut();
	}

	private final DatagramChannel channel;

	private final Codec codec;

	private final OptionalInt eventPayloadType;

	private final Listener listener;

	private final Player player = new Player();

	private final TelephoneEvents events = new TelephoneEvents();

	private final ByteBuffer out = ByteBuffer.allocate(RtpHeader.SIZE + Player.FRAME);

	private final long ssrc = ThreadLocalRandom.current().nextInt() & 0xFFFFFFFFL;

	private int sequence = ThreadLocalRandom.current().nextInt(1 << 16);

	private long timestamp = ThreadLocalRandom.current().nextInt() & 0xFFFFFFFFL;

	private boolean talking;

	private volatile SocketAddress remote;

	private volatile boolean latched;

	private volatile long lastHeardNanos = System.nanoTime();

	private volatile boolean timedOut;

	private volatile RtpRelay relay;

	RtpSession(DatagramChannel channel, Codec codec, OptionalInt eventPayloadType, InetSocketAddress remote,
			Listener listener) {
		this.channel = channel;
		this.codec = codec;
		this.eventPayloadType = eventPayloadType;
		this.remote = remote;
		this.listener = listener;
	}

	int localPort() {
		return channel.socket().getLocalPort();
	}

	DatagramChannel channel() {
		return channel;
	}

	void play(List<short[]> prompts) {
		player.play(prompts);
	}

	void stop() {
		player.stop();
	}

	/** Called by the media clock every 20 ms. */
	void tick(long nowNanos, long timeoutNanos) throws IOException {
		byte[] frame = relay == null ? player.nextFrame(codec) : null;
		if (frame != null) {
			out.clear();
			// RFC 3551 §4.1: the marker bit flags the first packet of a talkspurt after silence.
			RtpHeader.write(out, codec.payloadType(), !talking, sequence, timestamp, ssrc);
			out.put(frame).flip();
			channel.send(out, remote);
			sequence = (sequence + 1) & 0xFFFF;
		}
		talking = frame != null;
		// RFC 3550 §5.1: the timestamp follows the sampling clock, also through silence we do not send.
		timestamp = (timestamp + Player.FRAME) & 0xFFFFFFFFL;
		if (!timedOut && nowNanos - lastHeardNanos > timeoutNanos) {
			timedOut = true;
			listener.mediaTimedOut();
		}
	}

	/** Called by the receiver for every datagram on our port. */
	void received(ByteBuffer packet, SocketAddress from) {
		RtpHeader header = RtpHeader.read(packet);
		if (header == null) {
			return;
		}
		lastHeardNanos = System.nanoTime();
		if (!latched) {
			// Symmetric RTP (RFC 4961): a caller behind NAT is reached where its packets come from, not
			// where its SDP says.
			remote = from;
			latched = true;
		}
		RtpRelay bridged = relay;
		if (bridged != null) {
			bridged.forward(header, packet);
		}
		if (eventPayloadType.isPresent() && header.payloadType() == eventPayloadType.getAsInt()) {
			char key = events.received(header, packet);
			if (key != 0) {
				listener.keyPressed(key);
			}
		}
	}

	// What a bridge and an outgoing leg need, kept apart from playing and hearing above.

	Codec codec() {
		return codec;
	}

	OptionalInt eventPayloadType() {
		return eventPayloadType;
	}

	/** Everything heard from now on goes through the relay to the other leg; our own frames stop. */
	void relayTo(RtpRelay relay) {
		this.relay = relay;
	}

	/** Where the SDP answer of an outgoing leg says to send, unless the phone was heard already. */
	void sendTo(InetSocketAddress answered) {
		if (!latched) {
			remote = answered;
		}
	}

	/** An outgoing leg's phone sends nothing while it rings: its silence counts from the answer. */
	void restartMediaTimeout() {
		lastHeardNanos = System.nanoTime();
		timedOut = false;
	}

	/**
	 * Where our own stream stands, for a relay to continue it (RFC 3550 §5.1): read on the receiver's thread
	 * while the clock advances it, which at worst skips a sequence number or a frame's worth of timestamp.
	 */
	RtpRelay.Stream stream() {
		return new RtpRelay.Stream(ssrc, sequence, timestamp);
	}

	/** Sends a packet of a relayed stream on our port, to where the other side is. */
	void send(ByteBuffer packet) throws IOException {
		SocketAddress to = remote;
		if (to != null) {
			channel.send(packet, to);
		}
	}

	void close() {
		try {
			channel.close();
		}
		catch (IOException e) {
			// The port is released either way.
		}
	}
}
