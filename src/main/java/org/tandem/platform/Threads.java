package org.tandem.platform;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tandem's own threads: named daemons at normal priority. A new thread takes its creator's priority and,
 * on Linux, its scheduling; pools start their threads on first use, from whichever thread submits first.
 * Without this, a pool first used from a media thread would compete with the media clocks for the rest of
 * the run.
 */
public final class Threads {

	private Threads() {
	}

	/** One thread called {@code name}. */
	public static ThreadFactory named(String name) {
		return runnable -> daemon(runnable, name, Thread.NORM_PRIORITY);
	}

	/** Threads called {@code prefix-1}, {@code prefix-2}, and so on. */
	public static ThreadFactory numbered(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> daemon(runnable, prefix + "-" + count.incrementAndGet(), Thread.NORM_PRIORITY);
	}

	/**
	 * Threads that keep time for audio and are late if they wait for anything else on the machine: under
	 * Linux's real-time scheduling where it is allowed ({@link RealTime}), and at the highest Java priority.
	 */
	public static ThreadFactory urgent(String name) {
		return runnable -> daemon(() -> {
			RealTime.enter();
			runnable.run();
		}, name, Thread.MAX_PRIORITY);
	}

	/**
	 * Urgent threads each kept to one CPU, the first to the first of the CPUs the process may use, the next to
	 * the next, and so on round: two of them are then never held up by the same busy or stalled CPU.
	 */
	public static ThreadFactory urgentPinned(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			int nth = count.getAndIncrement();
			return daemon(() -> {
				RealTime.enter();
				RealTime.pin(nth);
				runnable.run();
			}, prefix + "-" + (nth + 1), Thread.MAX_PRIORITY);
		};
	}

	/**
	 * Gives the JVM's own threads that a collection's pause waits for, the VM thread and the collector's
	 * workers, the urgent threads' real-time scheduling. A pause holds up every urgent thread too, and it
	 * should last as long as the collection's work, not as long as another process keeps those threads off a
	 * CPU. Where Linux refuses, they stay as they were.
	 *
	 * @return how many threads were moved
	 */
	public static int urgentCollector() {
		return RealTime.enterPauseThreads();
	}

	private static Thread daemon(Runnable runnable, String name, int priority) {
		// Linux starts a thread under its creator's scheduling: one started from an audio thread gives it up.
		Runnable start = RealTime.entered() ? () -> {
			RealTime.leave();
			runnable.run();
		} : runnable;
		Thread thread = new Thread(start, name);
		thread.setDaemon(true);
		thread.setPriority(priority);
		return thread;
	}
}
