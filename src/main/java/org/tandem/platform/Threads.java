package org.tandem.platform;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tandem's own threads: named daemons at normal priority. A new thread takes its creator's priority, and
 * pools start their threads on first use, from whichever thread submits first; without this, a pool first
 * used from a media or SIP thread would compete with the media clocks for the rest of the run.
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
	 * Threads that keep time for audio and are late if they wait for anything else on the machine. The JVM
	 * passes the priority on to Linux only with {@code -XX:ThreadPriorityPolicy=1} and the right to raise it
	 * (root or CAP_SYS_NICE); otherwise it changes nothing.
	 */
	public static ThreadFactory urgent(String name) {
		return runnable -> daemon(runnable, name, Thread.MAX_PRIORITY);
	}

	private static Thread daemon(Runnable runnable, String name, int priority) {
		Thread thread = new Thread(runnable, name);
		thread.setDaemon(true);
		thread.setPriority(priority);
		return thread;
	}
}
