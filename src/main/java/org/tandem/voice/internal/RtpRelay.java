package org.tandem.voice.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.OptionalInt;

/**
 * One direction of a bridge: what one leg's phone sends, passed on as the other leg's stream. Each leg
 * keeps its own SSRC, sequence and timestamp towards its phone (RFC 3550 §5.1, §8.3: a phone must not
 * see its stream jump or change source because the audio now comes from someone else), so packets are
 * renumbered by a fixed offset that keeps the sender's gaps and order. Audio in the other G.711 law is
 * transcoded; telephone-events take the other leg's payload type, or are dropped when it has none.
 * Runs on the media receiver's thread only, as packets arrive.
 */
final class RtpRelay {

	/** Where an outgoing stream stands: its source, next sequence number and current timestamp. */
	record Stream(long ssrc, int sequence, long timestamp) {
	}

	/** Where relayed packets go: the other leg's session. */
	interface Outlet {

		Stream stream();

		void send(ByteBuffer packet) throws IOException;
	}

	private final Outlet to;

	private final OptionalInt fromEvents;

	private final Codec toCodec;

	private final OptionalInt toEvents;

	private final ByteBuffer out = ByteBuffer.allocate(2048);

	private long source = -1;

	private long ssrc;

	private int sequenceOffset;

	private long timestampOffset;

	private int lastSequence;

	private long lastTimestamp;

	private boolean started;

	RtpRelay(OptionalInt fromEvents, Outlet to, Codec toCodec, OptionalInt toEvents) {
		this.fromEvents = fromEvents;
		this.to = to;
		this.toCodec = toCodec;
		this.toEvents = toEvents;
	}

	RtpRelay(OptionalInt fromEvents, RtpSession to, Codec toCodec, OptionalInt toEvents) {
		this(fromEvents, new Outlet() {

			@Override
			public Stream stream() {
				return to.stream();
			}

			@Override
			public void send(ByteBuffer packet) throws IOException {
				to.send(packet);
			}
		}, toCodec, toEvents);
	}

	void forward(RtpHeader header, ByteBuffer packet) {
		ByteBuffer rewritten = rewrite(header, packet);
		if (rewritten == null) {
			return;
		}
		try {
			to.send(rewritten);
		}
		catch (IOException e) {
			// A lost packet; the media timeout notices a leg that is gone for good.
		}
	}

	/** The packet as the other leg sends it, or null for what that leg's phone cannot take. */
	ByteBuffer rewrite(RtpHeader header, ByteBuffer packet) {
		int payloadType = header.payloadType();
		boolean event = fromEvents.isPresent() && payloadType == fromEvents.getAsInt();
		Codec fromCodec = codec(payloadType);
		if (event ? toEvents.isEmpty() : fromCodec == null) {
			// Comfort noise and anything else unnegotiated on the other leg.
			return null;
		}
		boolean marker = header.marker();
		if (header.ssrc() != source) {
			renumber(header);
			// A new source on the other leg's stream starts a talkspurt (RFC 3551 §4.1).
			marker = true;
		}
		lastSequence = (header.sequence() + sequenceOffset) & 0xFFFF;
		lastTimestamp = (header.timestamp() + timestampOffset) & 0xFFFFFFFFL;
		out.clear();
		RtpHeader.write(out, event ? toEvents.getAsInt() : toCodec.payloadType(), marker, lastSequence, lastTimestamp,
				ssrc);
		int end = payloadEnd(packet);
		for (int i = header.payloadOffset(); i < end; i++) {
			byte b = packet.get(i);
			out.put(event || fromCodec == toCodec ? b : toCodec.encode(fromCodec.decode(b)));
		}
		return out.flip();
	}

	/**
	 * The first packet continues the other leg's own stream where it stands; a later change of source
	 * (a phone restarting its stream) continues from the last packet relayed.
	 */
	private void renumber(RtpHeader header) {
		Stream stream = to.stream();
		int nextSequence = started ? (lastSequence + 1) & 0xFFFF : stream.sequence();
		long nextTimestamp = started ? (lastTimestamp + Player.FRAME) & 0xFFFFFFFFL : stream.timestamp();
		sequenceOffset = nextSequence - header.sequence();
		timestampOffset = nextTimestamp - header.timestamp();
		source = header.ssrc();
		ssrc = stream.ssrc();
		started = true;
	}

	/** RFC 3550 §5.1: with the P bit set, the last octet counts the padding octets before it. */
	private static int payloadEnd(ByteBuffer packet) {
		int end = packet.limit();
		if ((packet.get(0) & 0x20) != 0 && end > 0) {
			end -= packet.get(end - 1) & 0xFF;
		}
		return end;
	}

	private static Codec codec(int payloadType) {
		for (Codec codec : Codec.values()) {
			if (codec.payloadType() == payloadType) {
				return codec;
			}
		}
		return null;
	}
}
