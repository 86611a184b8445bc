package org.tandem.voice.internal;

/** G.711 A-law (ITU-T G.711 table 1a), the PCMA of RFC 3551 §4.5.14. */
final class ALaw {

	private static final int[] SEGMENT_ENDS = { 0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF };

	private ALaw() {
	}

	static byte encode(short sample) {
		int pcm = sample >> 3;
		// Even bits are inverted on the wire (G.711 §3): 0x55 for negative, 0xD5 adds the sign bit.
		int mask;
		if (pcm >= 0) {
			mask = 0xD5;
		}
		else {
			mask = 0x55;
			pcm = -pcm - 1;
		}
		int segment = 0;
		while (segment < SEGMENT_ENDS.length && pcm > SEGMENT_ENDS[segment]) {
			segment++;
		}
		if (segment == SEGMENT_ENDS.length) {
			return (byte) (0x7F ^ mask);
		}
		int mantissa = (segment < 2 ? pcm >> 1 : pcm >> segment) & 0x0F;
		return (byte) (((segment << 4) | mantissa) ^ mask);
	}

	static short decode(byte code) {
		int a = (code & 0xFF) ^ 0x55;
		int magnitude = (a & 0x0F) << 4;
		int segment = (a & 0x70) >> 4;
		magnitude += segment == 0 ? 8 : 0x108;
		if (segment > 1) {
			magnitude <<= segment - 1;
		}
		return (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
	}
}
