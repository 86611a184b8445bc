package org.tandem.voice.internal;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The prompts queued on one call, or its hold music, handed out 20 ms (160 samples) at a time. Prompts come
 * encoded in the call's codec and are only read, never copied, so a thousand calls on hold share one copy
 * of a file.
 */
final class Player {

	static final int FRAME = 160;

	/** What {@link #finished()} says when no playback ended since it was last asked. */
	static final long NONE = 0;

	private final Deque<Long> finished = new ArrayDeque<>();

	private final Deque<byte[]> queue = new ArrayDeque<>();

	/** The call's codec's code for silence, which pads the end of the last prompt. */
	private final byte silence;

	private int position;

	private long playbacks;

	/** The playback that is playing, or {@link #NONE} for music and silence, which no one waits for. */
	private long playing = NONE;

	private byte[] music;

	Player(byte silence) {
		this.silence = silence;
	}

	/** @return this playback's number, counting from 1 within the call */
	synchronized long play(List<byte[]> prompts) {
		replace();
		prompts.stream().filter(prompt -> prompt.length > 0).forEach(queue::add);
		playing = ++playbacks;
		if (queue.isEmpty()) {
			// Nothing to send: done at once, and said so on the next tick like any other playback.
			finished.add(playing);
			playing = NONE;
		}
		return playbacks;
	}

	synchronized void loop(byte[] samples) {
		replace();
		if (samples.length > 0) {
			music = samples;
			queue.add(samples);
		}
	}

	synchronized void stop() {
		replace();
	}

	/** A playback whose last frame went out since this was last asked, each once; {@link #NONE} when no more. */
	synchronized long finished() {
		Long playback = finished.poll();
		return playback == null ? NONE : playback;
	}

	/**
	 * Writes the next frame, padded with silence at the end of the last prompt, into {@code out}; false, with
	 * nothing written, when nothing plays. Copied in place: the media clock fills a frame for every call every
	 * 20 ms, and a new array each time would keep the garbage collector busy enough to stall every call's
	 * audio.
	 */
	synchronized boolean fill(ByteBuffer out) {
		if (queue.isEmpty()) {
			return false;
		}
		int filled = 0;
		while (filled < FRAME && !queue.isEmpty()) {
			byte[] prompt = queue.peek();
			int n = Math.min(FRAME - filled, prompt.length - position);
			out.put(prompt, position, n);
			filled += n;
			position += n;
			if (position == prompt.length) {
				queue.poll();
				position = 0;
				if (music != null) {
					// Music runs on seamlessly from its end into its start.
					queue.add(music);
				}
			}
		}
		for (int i = filled; i < FRAME; i++) {
			out.put(silence);
		}
		if (queue.isEmpty() && playing != NONE) {
			finished.add(playing);
			playing = NONE;
		}
		return true;
	}

	/** Whatever plays is cut off and will not be reported; what already ended still is. */
	private void replace() {
		queue.clear();
		position = 0;
		music = null;
		playing = NONE;
	}
}
