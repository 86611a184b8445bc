package org.tandem.voice.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The prompts queued on one call, handed out 20 ms (160 samples) at a time. */
final class Player {

	static final int FRAME = 160;

	private final Deque<short[]> queue = new ArrayDeque<>();

	private int position;

	synchronized void play(List<short[]> prompts) {
		queue.clear();
		queue.addAll(prompts);
		position = 0;
	}

	synchronized void stop() {
		queue.clear();
	}

	/** The next frame encoded, padded with silence at the end of the last prompt; null when nothing plays. */
	synchronized byte[] nextFrame(Codec codec) {
		if (queue.isEmpty()) {
			return null;
		}
		byte[] frame = new byte[FRAME];
		int filled = 0;
		while (filled < FRAME && !queue.isEmpty()) {
			short[] prompt = queue.peek();
			int n = Math.min(FRAME - filled, prompt.length - position);
			for (int i = 0; i < n; i++) {
				frame[filled + i] = codec.encode(prompt[position + i]);
			}
			filled += n;
			position += n;
			if (position == prompt.length) {
				queue.poll();
				position = 0;
			}
		}
		byte silence = codec.encode((short) 0);
		for (int i = filled; i < FRAME; i++) {
			frame[i] = silence;
		}
		return frame;
	}
}
