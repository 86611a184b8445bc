package org.tandem.voice.internal;

/** G.711 µ-law (ITU-T G.711 table 2a), the PCMU of RFC 3551 §4.5.14. */
final class MuLaw {

	/** G.711 adds this bias so that every segment starts on a power of two. */
	private static final int BIAS = 0x84;

	private static final int CLIP = 32635;

	private MuLaw() {
	}

	static byte encode(short sample) {
		int s = sample;
		int sign = (s >> 8) & 0x80;
		if (sign != 0) {
			s = -s;
		}
		s = Math.min(s, CLIP) + BIAS;
		int exponent = 7;
		for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1) {
			exponent--;
		}
		int mantissa = (s >> (exponent + 3)) & 0x0F;
		// The code word is sent inverted (G.711 §2) so that silence is not a run of zero bits.
		return (byte) ~(sign | (exponent << 4) | mantissa);
	}

	static short decode(byte code) {
		int u = ~code & 0xFF;
		int exponent = (u >> 4) & 0x07;
		int magnitude = ((((u & 0x0F) << 3) + BIAS) << exponent) - BIAS;
		return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
	}
}
