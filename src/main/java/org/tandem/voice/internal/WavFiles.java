package org.tandem.voice.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;

/**
 * Reads prompts and music once and keeps them encoded in each codec, since every caller hears the same few
 * files: a thousand calls on hold share one copy, and the media clock only copies bytes. A file
 * changed on disk is read again.
 */
@Component
class WavFiles {

	private final Map<Path, Kept> kept = new ConcurrentHashMap<>();

	/** The file as {@code codec} carries it, a byte per sample. */
	byte[] encoded(Path wav, Codec codec) {
		return kept(wav).encoded().get(codec);
	}

	private Kept kept(Path wav) {
		Path file = wav.toAbsolutePath().normalize();
		FileTime modified = lastModified(file);
		Kept known = kept.get(file);
		if (known != null && known.modified().equals(modified)) {
			return known;
		}
		// compute() holds others asking for the same file until it is read, so a rush of calls reads it once.
		return kept.compute(file, (path, old) -> old != null && old.modified().equals(modified) ? old
				: Kept.of(modified, read(path)));
	}

	private static FileTime lastModified(Path wav) {
		try {
			return Files.getLastModifiedTime(wav);
		}
		catch (NoSuchFileException e) {
			throw new NotFound("Prompt", wav.getFileName());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static short[] read(Path wav) {
		if (!Files.isRegularFile(wav)) {
			throw new NotFound("Prompt", wav.getFileName());
		}
		try {
			return parse(ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN), wav);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static short[] parse(ByteBuffer riff, Path name) {
		if (riff.remaining() < 12 || riff.getInt(0) != 0x46464952 || riff.getInt(8) != 0x45564157) {
			throw invalid(name, "is not a RIFF WAVE file");
		}
		boolean formatSeen = false;
		int at = 12;
		while (at + 8 <= riff.limit()) {
			int id = riff.getInt(at);
			int size = riff.getInt(at + 4);
			int body = at + 8;
			if (id == 0x20746d66) {
				// "fmt ": PCM (1), mono, 8000 Hz, 16 bits — what G.711 carries without resampling.
				if (riff.getShort(body) != 1 || riff.getShort(body + 2) != 1 || riff.getInt(body + 4) != 8000
						|| riff.getShort(body + 14) != 16) {
					throw invalid(name, "must be 8 kHz mono 16-bit PCM");
				}
				formatSeen = true;
			}
			else if (id == 0x61746164 && formatSeen) {
				int length = Math.min(size, riff.limit() - body) / 2;
				short[] samples = new short[length];
				riff.position(body);
				riff.asShortBuffer().get(samples);
				return samples;
			}
			// Chunks are padded to an even length (RIFF specification).
			at = body + size + (size & 1);
		}
		throw invalid(name, "has no audio data after its format");
	}

	/** A file as kept: when it last changed on disk, and its audio in each codec. */
	private record Kept(FileTime modified, Map<Codec, byte[]> encoded) {

		static Kept of(FileTime modified, short[] samples) {
			Map<Codec, byte[]> encoded = new EnumMap<>(Codec.class);
			for (Codec codec : Codec.values()) {
				encoded.put(codec, codec.encode(samples));
			}
			return new Kept(modified, encoded);
		}
	}

	private static InvalidInput invalid(Path name, String problem) {
		return new InvalidInput("prompts", "Prompt " + name.getFileName() + " " + problem);
	}
}
