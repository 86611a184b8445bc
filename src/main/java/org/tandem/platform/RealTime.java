package org.tandem.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux's real-time scheduling (SCHED_FIFO) for the calling thread, as Asterisk's {@code -p} and
 * FreeSWITCH's {@code -rp} give their media: such a thread runs as soon as it is ready, ahead of every
 * ordinary thread on the machine, where a fair scheduler would let a busy second make it wait its turn.
 * Java cannot ask for it, so the thread finds its own id in {@code /proc/thread-self} and has {@code chrt}
 * set it. Linux allows it to root, to CAP_SYS_NICE, or up to the process's RLIMIT_RTPRIO; where it is
 * refused, the thread carries on under the ordinary scheduler and the refusal is logged once.
 */
final class RealTime {

	private static final Logger log = LoggerFactory.getLogger(RealTime.class);

	/** Low among real-time priorities: ahead of every ordinary thread, behind the kernel's own. */
	static final int PRIORITY = 10;

	private static final Path SELF = Path.of("/proc/thread-self");

	private static final AtomicBoolean refusalLogged = new AtomicBoolean();

	/** Whether the calling thread was moved to real-time scheduling by {@link #enter()}. */
	private static final ThreadLocal<Boolean> entered = ThreadLocal.withInitial(() -> false);

	private RealTime() {
	}

	/** Moves the calling thread to real-time scheduling; logs once why not, where Linux refuses. */
	static void enter() {
		String refused = chrt("--fifo", PRIORITY);
		if (refused == null) {
			entered.set(true);
		}
		else if (refusalLogged.compareAndSet(false, true)) {
			log.info("Audio threads run under ordinary scheduling, so a busy machine can make calls' audio late: "
					+ "{}. Allow real-time scheduling up to priority {} (systemd LimitRTPRIO={}, or CAP_SYS_NICE).",
					refused, PRIORITY, PRIORITY);
		}
	}

	/** Whether the calling thread runs under real-time scheduling, so that threads it starts would too. */
	static boolean entered() {
		return entered.get();
	}

	/** Moves the calling thread back to ordinary scheduling, which Linux always allows. */
	static void leave() {
		String refused = chrt("--other", 0);
		if (refused != null) {
			log.warn("A thread started from an audio thread kept its real-time scheduling: {}", refused);
		}
	}

	/** @return null when done, otherwise why not */
	private static String chrt(String policy, int priority) {
		try {
			String thread = Files.readSymbolicLink(SELF).getFileName().toString();
			Process chrt = new ProcessBuilder("chrt", policy, "--pid", String.valueOf(priority), thread)
				.redirectErrorStream(true)
				.start();
			String said = new String(chrt.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return chrt.waitFor() == 0 ? null : said;
		}
		catch (IOException | UnsupportedOperationException e) {
			return "not on Linux, or chrt is missing (" + e.getMessage() + ")";
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}
}
