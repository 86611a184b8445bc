package org.tandem.voice.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
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

		/** On the media clock, which must not wait: hand it on. */
		void playbackFinished(long playback);
	}

	private final DatagramChannel channel;

	private final Codec codec;

	private final OptionalInt eventPayloadType;

	private final Listener listener;

	private final Player player;

	private final byte[] silence;

	private final TelephoneEvents events = new TelephoneEvents();

	private final ByteBuffer out = ByteBuffer.allocateDirect(RtpHeader.SIZE + Player.FRAME);

	private final long ssrc = ThreadLocalRandom.current().nextInt() & 0xFFFFFFFFL;

	private int sequence = ThreadLocalRandom.current().nextInt(1 << 16);

	private long timestamp = ThreadLocalRandom.current().nextInt() & 0xFFFFFFFFL;

	private boolean started;

	private volatile SocketAddress remote;

	private volatile boolean latched;

	private volatile long lastHeardNanos = System.nanoTime();

	private volatile boolean timedOut;

	private volatile RtpRelay relay;

	private volatile Recording recording;

	private boolean closed;

	RtpSession(DatagramChannel channel, Codec codec, OptionalInt eventPayloadType, InetSocketAddress remote,
			Listener listener) {
		this.channel = channel;
		this.codec = codec;
		this.eventPayloadType = eventPayloadType;
		this.remote = remote;
		this.listener = listener;
		this.silence = new byte[Player.FRAME];
		Arrays.fill(silence, codec.encode((short) 0));
		this.player = new Player(silence[0]);
	}

	int localPort() {
		return channel.socket().getLocalPort();
	}

	DatagramChannel channel() {
		return channel;
	}

	Codec codec() {
		return codec;
	}

	/** @param prompts encoded in this session's {@link #codec()} */
	long play(List<byte[]> prompts) {
		return player.play(prompts);
	}

	void loop(byte[] music) {
		player.loop(music);
	}

	void stop() {
		player.stop();
	}

	/** Called by the media clock every 20 ms. */
	void tick(long nowNanos, long timeoutNanos) throws IOException {
		SocketAddress to = remote;
		if (relay == null && to != null) {
			// Silence is sent, not skipped: phones' jitter buffers and NAT bindings expect a steady stream between
			// prompts. RFC 3551 §4.1: without silence suppression, only the stream's first packet has the marker.
			// While relaying, the other side's packets are the stream.
			out.clear();
			RtpHeader.write(out, codec.payloadType(), !started, sequence, timestamp, ssrc);
			if (!player.fill(out)) {
				out.put(silence);
			}
			channel.send(out.flip(), to);
			sequence = (sequence + 1) & 0xFFFF;
			started = true;
		}
		for (long playback; (playback = player.finished()) != Player.NONE;) {
			listener.playbackFinished(playback);
		}
		timestamp = (timestamp + Player.FRAME) & 0xFFFFFFFFL;
		if (!timedOut && nowNanos - lastHeardNanos > timeoutNanos) {
			timedOut = true;
			listener.mediaTimedOut();
		}
		Recording current = recording;
		if (current != null && current.overdue(nowNanos)) {
			current.end();
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
				keyRecorded(key);
			}
		}
		else if (header.payloadType() == codec.payloadType()) {
			heard(header, packet);
		}
	}

	/**
	 * Starts recording the caller; a recording already running ends and is reported.
	 * @return false when the session is closed, and nothing is recorded
	 */
	synchronized boolean record(Recording next) {
		if (closed) {
			return false;
		}
		Recording previous = recording;
		recording = next;
		if (previous != null) {
			previous.end();
		}
		return true;
	}

	private void heard(RtpHeader header, ByteBuffer packet) {
		Recording current = recording;
		if (current != null) {
			current.heard(header, packet);
		}
	}

	/** # ends a recording, as voicemail systems have taught callers to expect. */
	private void keyRecorded(char key) {
		Recording current = recording;
		if (key == '#' && current != null) {
			current.end();
		}
	}

	/** Ends a recording in progress first, so that it is reported before the call's end. */

	// What a bridge and an outgoing leg need, kept apart from playing and hearing above.

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
		synchronized (this) {
			closed = true;
			if (recording != null) {
				recording.end();
			}
		}
		try {
			channel.close();
		}
		catch (IOException e) {
			// The port is released either way.
		}
	}
}
