package org.tandem.voice.internal;

import java.nio.ByteBuffer;

/**
 * Turns RFC 4733 telephone-event packets into key presses. One press is many packets: updates while the
 * key is held and three copies of the end packet (§2.5.1.4), all with the event's start timestamp, so a
 * key counts once, at its first end packet.
 */
final class TelephoneEvents {

	private static final String KEYS = "0123456789*#ABCD";

	private long lastEnded = -1;

	/** The key whose press this packet ends, or 0 when it ends nothing new. */
	char received(RtpHeader header, ByteBuffer packet) {
		int at = header.payloadOffset();
		// §2.3: event (8 bits), E bit, R bit, volume (6 bits), duration (16 bits).
		if (packet.remaining() < at + 4) {
			return 0;
		}
		int event = packet.get(at) & 0xFF;
		boolean end = (packet.get(at + 1) & 0x80) != 0;
		if (!end || header.timestamp() == lastEnded || event >= KEYS.length()) {
			return 0;
		}
		lastEnded = header.timestamp();
		return KEYS.charAt(event);
	}

	/** The key named in a SIP INFO application/dtmf-relay body ("Signal=5"), or 0. */
	static char fromDtmfRelay(String body) {
		for (String line : body.split("\r?\n")) {
			String[] pair = line.split("=", 2);
			if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("Signal")) {
				String signal = pair[1].trim().toUpperCase();
				if (signal.length() == 1 && KEYS.indexOf(signal.charAt(0)) >= 0) {
					return signal.charAt(0);
				}
				// Some phones send the RFC 4733 event number instead of the key (10 for *, 11 for #).
				if (signal.equals("10") || signal.equals("11")) {
					return KEYS.charAt(Integer.parseInt(signal));
				}
			}
		}
		return 0;
	}
}
