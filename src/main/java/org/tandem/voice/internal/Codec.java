package org.tandem.voice.internal;

/** The audio codecs Tandem speaks, with their static payload types from RFC 3551 table 4. */
enum Codec {

	PCMU(0), PCMA(8);

	private final int payloadType;

	Codec(int payloadType) {
		this.payloadType = payloadType;
	}

	int payloadType() {
		return payloadType;
	}

	byte encode(short sample) {
		return this == PCMU ? MuLaw.encode(sample) : ALaw.encode(sample);
	}

	short decode(byte code) {
		return this == PCMU ? MuLaw.decode(code) : ALaw.decode(code);
	}
}
