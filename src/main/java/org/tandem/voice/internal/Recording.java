package org.tandem.voice.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the caller says, written as an 8 kHz mono 16-bit PCM WAV. Packets arrive on the media receiver's
 * thread, which must never wait for a disk: they are decoded into chunks that the writer appends in order,
 * and the header learns its sizes when the recording ends. A recording ends once, for whichever reason
 * comes first, and only then is reported.
 */
final class Recording {

	private static final Logger log = LoggerFactory.getLogger(Recording.class);

	static final int RATE = 8000;

	private static final int HEADER = 44;

	/** Half a second per write: few writes, and little memory held per call. */
	private static final int CHUNK = RATE / 2;

	/** RIFF sizes are 32-bit: about 74 hours of audio. */
	private static final long MOST_SAMPLES = (0xFFFFFFFFL - 36) / 2;

	private final Path file;

	private final FileChannel channel;

	private final Codec codec;

	private final long maxSamples;

	private final long deadlineNanos;

	private final Executor writer;

	private final Consumer<Duration> finished;

	private ByteBuffer chunk = newChunk();

	private long samples;

	private boolean anchored;

	private long ssrc;

	private long nextTimestamp;

	private long lastHeardNanos;

	private boolean ended;

	/** Set on the writer only. */
	private IOException failure;

	private Recording(Path file, FileChannel channel, Codec codec, Duration max, long nowNanos, Executor writer,
			Consumer<Duration> finished) {
		this.file = file;
		this.channel = channel;
		this.codec = codec;
		this.maxSamples = Math.min(MOST_SAMPLES, max.toMillis() * RATE / 1000);
		this.deadlineNanos = nowNanos + max.toNanos();
		this.writer = writer;
		this.finished = finished;
	}

	/**
	 * Creates the file (and its directories) at once, so that a path that cannot be written fails the call
	 * that asked for it rather than the recording.
	 * @param writer runs the file writes, in order
	 * @param finished told the length on the writer, once the file is complete
	 */
	static Recording start(Path file, Duration max, Codec codec, long nowNanos, Executor writer,
			Consumer<Duration> finished) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING);
		try {
			// An empty but valid WAV until the end, should the process die on the way.
			channel.write(header(0));
		}
		catch (IOException e) {
			channel.close();
			throw e;
		}
		return new Recording(file, channel, codec, max, nowNanos, writer, finished);
	}

	/** One RTP packet in the negotiated codec, on the receiver's thread. */
	synchronized void heard(RtpHeader header, ByteBuffer packet) {
		if (ended) {
			return;
		}
		int payload = packet.remaining() - header.payloadOffset();
		if ((packet.get(0) & 0x20) != 0 && payload > 0) {
			// RFC 3550 §5.1: with the P bit set, the last octet counts the padding octets to ignore.
			payload -= Math.min(payload, packet.get(packet.remaining() - 1) & 0xFF);
		}
		long now = System.nanoTime();
		if (anchored && header.ssrc() == ssrc) {
			// RFC 3550 §5.1: timestamps count samples, so a jump is audio lost or suppressed as silence;
			// filling it keeps the recording as long as the caller spoke. Serial arithmetic handles wrap.
			int gap = (int) (header.timestamp() - nextTimestamp);
			if (gap < 0 && gap > -RATE) {
				// Late or repeated: its place in the file is already taken.
				return;
			}
			// A jump back, or forward far beyond the time that passed, is a sender re-basing its timestamps
			// (some do on a re-INVITE, keeping the SSRC), not silence: fill no more than the time that
			// passed and a second of jitter, and go on from the new timestamps.
			long passed = (now - lastHeardNanos) / (1_000_000_000L / RATE) + RATE;
			silence((int) Math.min(Math.max(gap, 0), passed));
		}
		lastHeardNanos = now;
		// A new SSRC is a new source (RFC 3550 §8) whose timestamps start anywhere: continue without a gap.
		anchored = true;
		ssrc = header.ssrc();
		nextTimestamp = (header.timestamp() + payload) & 0xFFFFFFFFL;
		for (int i = 0; i < payload && samples < maxSamples; i++) {
			put(codec.decode(packet.get(header.payloadOffset() + i)));
		}
		if (samples >= maxSamples) {
			end();
		}
	}

	/** True when the recording has run for its maximum by the clock, also if the caller sent nothing. */
	synchronized boolean overdue(long nowNanos) {
		return !ended && nowNanos - deadlineNanos >= 0;
	}

	/** Ends the recording, or nothing when it ended already; the file is completed on the writer. */
	synchronized void end() {
		if (ended) {
			return;
		}
		ended = true;
		flush();
		long length = samples;
		writer.execute(() -> complete(length));
	}

	/** For a recording that never started because the call ended first: no file is left behind. */
	synchronized void discard() {
		ended = true;
		try {
			channel.close();
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			log.info("Could not remove unused recording {}: {}", file, e.getMessage());
		}
	}

	private void silence(int count) {
		for (long i = 0; i < count && samples < maxSamples; i++) {
			put((short) 0);
		}
	}

	private void put(short sample) {
		chunk.putShort(sample);
		samples++;
		if (!chunk.hasRemaining()) {
			flush();
		}
	}

	private void flush() {
		if (chunk.position() == 0) {
			return;
		}
		ByteBuffer full = chunk.flip();
		chunk = newChunk();
		writer.execute(() -> write(full));
	}

	private void write(ByteBuffer audio) {
		if (failure != null) {
			return;
		}
		try {
			while (audio.hasRemaining()) {
				channel.write(audio);
			}
		}
		catch (IOException e) {
			failure = e;
		}
	}

	private void complete(long length) {
		try (channel) {
			if (failure != null) {
				throw failure;
			}
			channel.write(header(length), 0);
		}
		catch (IOException e) {
			// Reported all the same: whoever waits for the recording must not wait forever.
			log.error("Recording {} could not be written completely", file, e);
		}
		finished.accept(Duration.ofNanos(length * 1_000_000_000L / RATE));
	}

	/** The canonical 44-byte header: RIFF, "fmt " for PCM mono 8 kHz 16-bit, and "data". */
	static ByteBuffer header(long samples) {
		int data = (int) (2 * samples);
		ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
		header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE)
			.putInt(2 * RATE).putShort((short) 2).putShort((short) 16);
		header.put("data".getBytes()).putInt(data);
		return header.flip();
	}

	private static ByteBuffer newChunk() {
		return ByteBuffer.allocate(2 * CHUNK).order(ByteOrder.LITTLE_ENDIAN);
	}
}
