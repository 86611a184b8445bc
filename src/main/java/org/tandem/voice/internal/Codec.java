package org.tandem.voice.internal;

/** The audio codecs Tandem speaks, with their static payload types from RFC 3551 table 4. */
enum Codec {

	PCMU(0), PCMA(8);

	private final int payloadType;

	/**
	 * Every 16-bit sample's code word, worked out once: a relay between two codecs encodes every frame it
	 * passes on, and a table read is several times cheaper than G.711's segment search.
	 */
	private final byte[] codes = new byte[1 << 16];

	Codec(int payloadType) {
		this.payloadType = payloadType;
		for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
			codes[sample & 0xFFFF] = payloadType == 0 ? MuLaw.encode((short) sample) : ALaw.encode((short) sample);
		}
	}

	int payloadType() {
		return payloadType;
	}

	byte encode(short sample) {
		return codes[sample & 0xFFFF];
	}

	byte[] encode(short[] samples) {
		byte[] encoded = new byte[samples.length];
		for (int i = 0; i < samples.length; i++) {
			encoded[i] = encode(samples[i]);
		}
		return encoded;
	}

	short decode(byte code) {
		return this == PCMU ? MuLaw.decode(code) : ALaw.decode(code);
	}
}
