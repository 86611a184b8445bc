package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Tests {

	@Test
	void muLawSilenceIsAllOnes() {
		assertThat(MuLaw.encode((short) 0)).isEqualTo((byte) 0xFF);
		assertThat(MuLaw.decode((byte) 0xFF)).isZero();
		assertThat(MuLaw.decode((byte) 0x7F)).isZero();
	}

	@Test
	void muLawDecodesTheTableEnds() {
		assertThat(MuLaw.decode((byte) 0x80)).isEqualTo((short) 32124);
		assertThat(MuLaw.decode((byte) 0x00)).isEqualTo((short) -32124);
		assertThat(MuLaw.encode(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
		assertThat(MuLaw.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
	}

	@Test
	void muLawKnownSamples() {
		// Values from the G.711 reference tables (ITU-T G.191 software tools).
		assertThat(MuLaw.encode((short) 1000)).isEqualTo((byte) 0xCE);
		assertThat(MuLaw.encode((short) -1000)).isEqualTo((byte) 0x4E);
		assertThat(MuLaw.decode((byte) 0xCE)).isEqualTo((short) 988);
	}

	@Test
	void aLawSilenceIsAlternatingBits() {
		assertThat(ALaw.encode((short) 0)).isEqualTo((byte) 0xD5);
		assertThat(ALaw.decode((byte) 0xD5)).isEqualTo((short) 8);
		assertThat(ALaw.decode((byte) 0x55)).isEqualTo((short) -8);
	}

	@Test
	void aLawDecodesTheTableEnds() {
		assertThat(ALaw.decode((byte) 0xAA)).isEqualTo((short) 32256);
		assertThat(ALaw.decode((byte) 0x2A)).isEqualTo((short) -32256);
		assertThat(ALaw.encode(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
		assertThat(ALaw.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
	}

	@Test
	void aLawKnownSamples() {
		assertThat(ALaw.encode((short) 1000)).isEqualTo((byte) 0xFA);
		assertThat(ALaw.decode((byte) 0xFA)).isEqualTo((short) 1008);
	}

	@Test
	void everyCodeWordSurvivesARoundTrip() {
		for (Codec codec : Codec.values()) {
			for (int code = 0; code < 256; code++) {
				short sample = codec.decode((byte) code);
				byte again = codec.encode(sample);
				assertThat(codec.decode(again)).as("%s code %02x", codec, code).isEqualTo(sample);
			}
		}
	}

	@Test
	void quantisationErrorStaysWithinTheSegmentStep() {
		for (Codec codec : Codec.values()) {
			for (int s = -32000; s <= 32000; s += 7) {
				short back = codec.decode(codec.encode((short) s));
				assertThat(Math.abs(back - s)).as("%s %d", codec, s).isLessThanOrEqualTo(Math.abs(s) / 16 + 16);
			}
		}
	}
}
