package org.tandem.voice.internal;

import java.nio.ByteBuffer;

/** The fixed RTP header of RFC 3550 §5.1, and where the payload starts after CSRCs and extension. */
record RtpHeader(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, int payloadOffset) {

	static final int SIZE = 12;

	/** Null for anything that is not RTP version 2 or is cut short, since stray UDP must not end a call. */
	static RtpHeader read(ByteBuffer packet) {
		if (packet.remaining() < SIZE || (packet.get(0) & 0xC0) != 0x80) {
			return null;
		}
		int first = packet.get(0) & 0xFF;
		int offset = SIZE + 4 * (first & 0x0F);
		if ((first & 0x10) != 0) {
			if (packet.remaining() < offset + 4) {
				return null;
			}
			offset += 4 + 4 * (packet.getShort(offset + 2) & 0xFFFF);
		}
		if (packet.remaining() < offset) {
			return null;
		}
		int second = packet.get(1) & 0xFF;
		return new RtpHeader(second & 0x7F, (second & 0x80) != 0, packet.getShort(2) & 0xFFFF,
				packet.getInt(4) & 0xFFFFFFFFL, packet.getInt(8) & 0xFFFFFFFFL, offset);
	}

	static void write(ByteBuffer out, int payloadType, boolean marker, int sequence, long timestamp, long ssrc) {
		out.put((byte) 0x80);
		out.put((byte) ((marker ? 0x80 : 0) | payloadType));
		out.putShort((short) sequence);
		out.putInt((int) timestamp);
		out.putInt((int) ssrc);
	}
}
