package org.tandem.voice.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A share of the calls, each sent its next frame on every tick, always in the same order: a call's packets
 * then leave at the same point of each tick, 20 ms apart, however long the whole tick takes. Only ticks
 * touch the list, one at a time (one thread may run a tick and another the next, each after the last has
 * finished); calls join and leave through queues drained at the start of a tick.
 */
final class MediaClock {

	private static final Logger log = LoggerFactory.getLogger(MediaClock.class);

	/** A frame's length: each call is sent a frame every 20 ms. */
	static final long FRAME_NANOS = 20_000_000;

	private final AtomicBoolean ticking = new AtomicBoolean();

	/** When the next tick is due, by {@link System#nanoTime()}. */
	private volatile long due;

	private final Queue<RtpSession> joining = new ConcurrentLinkedQueue<>();

	private final Queue<RtpSession> leaving = new ConcurrentLinkedQueue<>();

	private final AtomicInteger size = new AtomicInteger();

	private RtpSession[] sessions = new RtpSession[64];

	private int count;

	/** @param firstDueNanos when the first tick is due, by {@link System#nanoTime()} */
	MediaClock(long firstDueNanos) {
		this.due = firstDueNanos;
	}

	void add(RtpSession session) {
		size.incrementAndGet();
		joining.add(session);
	}

	/** The session is not sent to again from the next tick on. */
	void remove(RtpSession session) {
		size.decrementAndGet();
		leaving.add(session);
	}

	/** How many calls this clock carries, counting those joining or leaving on its next tick. */
	int size() {
		return size.get();
	}

	long due() {
		return due;
	}

	/**
	 * Runs the ticks due by {@code nowNanos}, back to back if a pause let several fall due, unless another
	 * thread is running them already.
	 */
	void tickIfDue(long nowNanos, long timeoutNanos) {
		if (due > nowNanos || !ticking.compareAndSet(false, true)) {
			return;
		}
		try {
			for (; due <= nowNanos; due += FRAME_NANOS) {
				tick(nowNanos, timeoutNanos);
			}
		}
		finally {
			ticking.set(false);
		}
	}

	/** Sends every call its next frame, whenever it is called. */
	void tick(long nowNanos, long timeoutNanos) {
		// Joining first: a call that came and went between two ticks is then dropped, not left behind.
		for (RtpSession session; (session = joining.poll()) != null;) {
			if (count == sessions.length) {
				sessions = Arrays.copyOf(sessions, count * 2);
			}
			sessions[count++] = session;
		}
		for (RtpSession session; (session = leaving.poll()) != null;) {
			drop(session);
		}
		for (int i = 0; i < count; i++) {
			try {
				sessions[i].tick(nowNanos, timeoutNanos);
			}
			catch (IOException | RuntimeException e) {
				// One broken session must not stop the clock for every other call.
				log.debug("RTP send failed on port {}", sessions[i].localPort(), e);
			}
		}
	}

	/** Keeps the others in their order, so that no call's packets move within the tick. */
	private void drop(RtpSession session) {
		for (int i = 0; i < count; i++) {
			if (sessions[i] == session) {
				System.arraycopy(sessions, i + 1, sessions, i, count - i - 1);
				sessions[--count] = null;
				return;
			}
		}
	}
}
