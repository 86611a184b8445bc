package org.tandem.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux's real-time scheduling (SCHED_FIFO) for the calling thread, as Asterisk's {@code -p} and
 * FreeSWITCH's {@code -rp} give their media: such a thread runs as soon as it is ready, ahead of every
 * ordinary thread on the machine, where a fair scheduler would let a busy second make it wait its turn.
 * Java cannot ask for it, so the thread finds its own id in {@code /proc/thread-self} and has {@code chrt}
 * set it. Linux allows it to root, to CAP_SYS_NICE, or up to the process's RLIMIT_RTPRIO; where it is
 * refused, the thread carries on under the ordinary scheduler and the refusal is logged once. A thread can
 * also keep itself to one CPU ({@code taskset}), which Linux allows any thread.
 */
final class RealTime {

	private static final Logger log = LoggerFactory.getLogger(RealTime.class);

	/** Low among real-time priorities: ahead of every ordinary thread, behind the kernel's own. */
	static final int PRIORITY = 10;

	private static final Path SELF = Path.of("/proc/thread-self");

	/** The JVM's threads that a collection's pause waits for (HotSpot's names, as Linux shows them). */
	private static final Pattern PAUSE_THREADS = Pattern.compile("VM Thread|GC Thread#\\d+");

	private static final AtomicBoolean refusalLogged = new AtomicBoolean();

	/** Whether the calling thread was moved to real-time scheduling by {@link #enter()}, or pinned. */
	private static final ThreadLocal<Boolean> entered = ThreadLocal.withInitial(() -> false);

	/**
	 * Runs {@code chrt} and {@code taskset}. Java waits for a child process on a thread ("process reaper")
	 * started by the thread that starts the child, and a new thread takes its starter's scheduling and CPUs;
	 * started from an audio thread, the reaper would be one too. This thread is ordinary: the first thread to
	 * ask starts it, before it is real-time itself.
	 */
	private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "real-time-launcher");
		thread.setDaemon(true);
		thread.setPriority(Thread.NORM_PRIORITY);
		return thread;
	});

	/** The CPUs the process may run on, as Linux lists them ("0-3,8"); null where it does not say. */
	private static final String PROCESS_CPUS = cpusAllowed(Path.of("/proc/self/status"));

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

	/**
	 * Keeps the calling thread to the {@code nth} of the CPUs the process may use (counting round), where it
	 * may use several: two threads pinned to different CPUs never wait for the same one.
	 */
	static void pin(int nth) {
		List<Integer> cpus = cpus(PROCESS_CPUS);
		if (cpus.size() < 2) {
			return;
		}
		String refused = onSelf("taskset", "--cpu-list", "--pid", String.valueOf(cpus.get(nth % cpus.size())));
		if (refused == null) {
			entered.set(true);
		}
		else {
			log.warn("A media thread may run on any CPU: {}", refused);
		}
	}

	/**
	 * Moves the JVM's threads that every Java thread waits for in a collection's pause, the VM thread and the
	 * collector's workers, to real-time scheduling: under the ordinary scheduler, another process can keep
	 * one of them off its CPU for several milliseconds while every call waits. The workers a JVM starts later
	 * ({@code -XX:+UseDynamicNumberOfGCThreads}, the default) are not among them.
	 *
	 * @return how many were moved
	 */
	static int enterPauseThreads() {
		List<String> ids;
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			ids = tasks.filter(task -> PAUSE_THREADS.matcher(name(task)).matches())
				.map(task -> task.getFileName().toString())
				.toList();
		}
		catch (IOException | UncheckedIOException e) {
			return 0;
		}
		int moved = 0;
		for (String id : ids) {
			String refused = launch(List.of("chrt", "--fifo", "--pid", String.valueOf(PRIORITY), id));
			if (refused == null) {
				moved++;
			}
			else {
				log.debug("The JVM's thread {} runs under ordinary scheduling: {}", id, refused);
			}
		}
		return moved;
	}

	/** A thread's name as Linux knows it, or nothing for one that has ended. */
	private static String name(Path task) {
		try {
			return Files.readString(task.resolve("comm")).strip();
		}
		catch (IOException e) {
			return "";
		}
	}

	/** Whether the calling thread runs under real-time scheduling, so that threads it starts would too. */
	static boolean entered() {
		return entered.get();
	}

	/** Moves the calling thread back to ordinary scheduling on any of the process's CPUs, as Linux always allows. */
	static void leave() {
		String refused = chrt("--other", 0);
		// Only a thread started from a pinned one keeps fewer CPUs than the process.
		if (refused == null && PROCESS_CPUS != null
				&& !PROCESS_CPUS.equals(cpusAllowed(SELF.resolve("status")))) {
			refused = onSelf("taskset", "--cpu-list", "--pid", PROCESS_CPUS);
		}
		if (refused != null) {
			log.warn("A thread started from an audio thread kept its real-time scheduling or its one CPU: {}", refused);
		}
	}

	/** @return null when done, otherwise why not */
	private static String chrt(String policy, int priority) {
		return onSelf("chrt", policy, "--pid", String.valueOf(priority));
	}

	/**
	 * Runs {@code command} with the calling thread's id, as Linux numbers threads, as its last argument.
	 * @return null when done, otherwise why not
	 */
	private static String onSelf(String... command) {
		List<String> line = new ArrayList<>(List.of(command));
		try {
			line.add(Files.readSymbolicLink(SELF).getFileName().toString());
		}
		catch (IOException | UnsupportedOperationException e) {
			return "not on Linux (" + e.getMessage() + ")";
		}
		return launch(line);
	}

	/** @return null when done, otherwise why not */
	private static String launch(List<String> line) {
		try {
			return LAUNCHER.submit(() -> run(line)).get();
		}
		catch (ExecutionException e) {
			return e.getCause().toString();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	/** @return null when done, otherwise why not */
	private static String run(List<String> line) throws InterruptedException {
		try {
			Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
			String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return process.waitFor() == 0 ? null : said;
		}
		catch (IOException e) {
			return line.get(0) + " is missing (" + e.getMessage() + ")";
		}
	}

	/** The CPUs a process or thread may run on, as its {@code status} file lists them; null where it does not. */
	private static String cpusAllowed(Path status) {
		try {
			return Files.readAllLines(status).stream()
				.filter(line -> line.startsWith("Cpus_allowed_list:"))
				.map(line -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse(null);
		}
		catch (IOException e) {
			return null;
		}
	}

	/** The CPUs in a list such as "0-3,8"; none for null. */
	static List<Integer> cpus(String list) {
		List<Integer> cpus = new ArrayList<>();
		if (list == null || list.isBlank()) {
			return cpus;
		}
		for (String range : list.split(",")) {
			String[] ends = range.strip().split("-");
			int first = Integer.parseInt(ends[0]);
			int last = Integer.parseInt(ends[ends.length - 1]);
			for (int cpu = first; cpu <= last; cpu++) {
				cpus.add(cpu);
			}
		}
		return cpus;
	}
}
