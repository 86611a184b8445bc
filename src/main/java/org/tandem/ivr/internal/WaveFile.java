package org.tandem.ivr.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.tandem.core.InvalidInput;

/**
 * The header of a RIFF/WAVE file: enough to tell whether the voice module can play it as it is
 * (8 kHz mono, 16-bit PCM or 8-bit G.711) and for how long. Chunks are walked, not assumed at fixed
 * offsets, because editors add LIST and fact chunks before the audio.
 */
record WaveFile(int format, int channels, int sampleRate, int bitsPerSample, long dataBytes) {

	static final int PCM = 1;
	static final int A_LAW = 6;
	static final int MU_LAW = 7;

	static WaveFile read(byte[] bytes) {
		var buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		InvalidInput.require(bytes.length >= 12 && tag(buffer, 0).equals("RIFF") && tag(buffer, 8).equals("WAVE"),
				"audio", "not a WAV file (RIFF/WAVE)");
		WaveFile format = null;
		int at = 12;
		while (at + 8 <= bytes.length) {
			String id = tag(buffer, at);
			long size = Integer.toUnsignedLong(buffer.getInt(at + 4));
			if (id.equals("fmt ") && size >= 16 && at + 24 <= bytes.length) {
				format = new WaveFile(buffer.getShort(at + 8) & 0xffff, buffer.getShort(at + 10) & 0xffff,
						buffer.getInt(at + 12), buffer.getShort(at + 22) & 0xffff, 0);
			}
			else if (id.equals("data")) {
				InvalidInput.require(format != null, "audio", "the WAV file has no format before its audio");
				return new WaveFile(format.format, format.channels, format.sampleRate, format.bitsPerSample,
						Math.min(size, bytes.length - at - 8L));
			}
			// RIFF pads every chunk to an even length.
			at += 8 + size + (size % 2);
		}
		throw new InvalidInput("audio", "the WAV file holds no audio (no data chunk)");
	}

	private static String tag(ByteBuffer buffer, int at) {
		byte[] tag = new byte[4];
		buffer.get(at, tag);
		return new String(tag, StandardCharsets.US_ASCII);
	}

	/** Can be played to a caller without converting: 8 kHz mono, 16-bit PCM or G.711. */
	void requirePlayable() {
		boolean pcm = format == PCM && bitsPerSample == 16;
		boolean g711 = (format == A_LAW || format == MU_LAW) && bitsPerSample == 8;
		InvalidInput.require(pcm || g711, "audio", "the audio must be 16-bit PCM or G.711 (A-law or µ-law)");
		InvalidInput.require(sampleRate == 8000, "audio", "the audio must be sampled at 8 kHz, not " + sampleRate + " Hz");
		InvalidInput.require(channels == 1, "audio", "the audio must be mono, not " + channels + " channels");
	}

	Duration length() {
		long bytesPerSecond = (long) sampleRate * channels * bitsPerSample / 8;
		return Duration.ofMillis(dataBytes * 1000 / bytesPerSecond);
	}
}
