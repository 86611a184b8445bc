package org.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ThreadsTests {

	/** Linux's numbers for SCHED_OTHER and SCHED_FIFO, as /proc shows them. */
	private static final int ORDINARY = 0;

	private static final int REAL_TIME = 1;

	@Test
	void aThreadStartedFromAnUrgentOneIsStillAtNormalPriority() throws InterruptedException {
		var made = new AtomicReference<Thread>();
		Thread urgent = Threads.urgent("rtp-clock").newThread(() -> made.set(Threads.named("ivr-timers").newThread(() -> {
		})));
		urgent.start();
		urgent.join();

		assertThat(urgent.getPriority()).isEqualTo(Thread.MAX_PRIORITY);
		assertThat(made.get().getPriority()).isEqualTo(Thread.NORM_PRIORITY);
		assertThat(made.get().getName()).isEqualTo("ivr-timers");
		assertThat(made.get().isDaemon()).isTrue();
	}

	@Test
	void urgentThreadsRunUnderRealTimeSchedulingWhereLinuxAllowsIt() throws Exception {
		assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux only");
		var urgentPolicy = new AtomicInteger(-1);
		var startedPolicy = new AtomicInteger(-1);
		Thread urgent = Threads.urgent("rtp-clock").newThread(() -> {
			urgentPolicy.set(policy());
			Thread started = Threads.named("voice-events").newThread(() -> startedPolicy.set(policy()));
			started.start();
			join(started);
		});
		urgent.start();
		urgent.join();

		assertThat(urgentPolicy.get()).isEqualTo(realTimeAllowed() ? REAL_TIME : ORDINARY);
		// A pool first used from an audio thread must not put its work ahead of everything else too.
		assertThat(startedPolicy.get()).isEqualTo(ORDINARY);
	}

	@Test
	void pinnedUrgentThreadsEachKeepToTheirOwnCpuAndWhatTheyStartDoesNot() throws Exception {
		List<Integer> cpus = RealTime.cpus(cpusAllowed());
		assumeTrue(cpus.size() >= 2, "several CPUs");
		var factory = Threads.urgentPinned("rtp-clock");
		var first = new AtomicReference<String>();
		var second = new AtomicReference<String>();
		var started = new AtomicReference<String>();
		Thread one = factory.newThread(() -> {
			first.set(cpusAllowed());
			Thread child = Threads.named("voice-events").newThread(() -> started.set(cpusAllowed()));
			child.start();
			join(child);
		});
		Thread two = factory.newThread(() -> second.set(cpusAllowed()));
		one.start();
		two.start();
		one.join();
		two.join();

		assertThat(one.getName()).isEqualTo("rtp-clock-1");
		assertThat(two.getName()).isEqualTo("rtp-clock-2");
		assertThat(first.get()).isEqualTo(String.valueOf(cpus.get(0)));
		assertThat(second.get()).isEqualTo(String.valueOf(cpus.get(1)));
		assertThat(started.get()).isEqualTo(cpusAllowed());
	}

	@Test
	void theThreadsThatWaitForChrtAndTasksetAreOrdinary() throws Exception {
		assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux only");
		Thread urgent = Threads.urgentPinned("rtp-clock").newThread(() -> {
		});
		urgent.start();
		urgent.join();

		try (var tasks = Files.list(Path.of("/proc/self/task"))) {
			List<Path> reapers = tasks.filter(task -> comm(task).equals("process reaper")).toList();
			assertThat(reapers).isNotEmpty();
			for (Path reaper : reapers) {
				assertThat(policy(reaper.resolve("stat"))).isEqualTo(ORDINARY);
				assertThat(cpusAllowed(reaper.resolve("status"))).isEqualTo(cpusAllowed());
			}
		}
	}

	@Test
	void theThreadsACollectionsPauseWaitsForAreUrgentToo() throws Exception {
		assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "Linux only");
		List<Path> pauseThreads;
		try (var tasks = Files.list(Path.of("/proc/self/task"))) {
			pauseThreads = tasks.filter(task -> comm(task).equals("VM Thread") || comm(task).startsWith("GC Thread#"))
				.toList();
		}

		int moved = Threads.urgentCollector();

		assertThat(pauseThreads).extracting(ThreadsTests::comm).contains("VM Thread", "GC Thread#0");
		boolean allowed = realTimeAllowed();
		assertThat(moved).isEqualTo(allowed ? pauseThreads.size() : 0);
		for (Path thread : pauseThreads) {
			assertThat(policy(thread.resolve("stat"))).as(comm(thread)).isEqualTo(allowed ? REAL_TIME : ORDINARY);
		}
		try (var tasks = Files.list(Path.of("/proc/self/task"))) {
			Path signals = tasks.filter(task -> comm(task).equals("Signal Dispatch")).findFirst().orElseThrow();
			assertThat(policy(signals.resolve("stat"))).as("the JVM's other threads").isEqualTo(ORDINARY);
		}
	}

	@Test
	void readsLinuxsListsOfCpus() {
		assertThat(RealTime.cpus("0-3,8")).containsExactly(0, 1, 2, 3, 8);
		assertThat(RealTime.cpus("5")).containsExactly(5);
		assertThat(RealTime.cpus(null)).isEmpty();
	}

	@Test
	void numberedThreadsCountFromOne() {
		var factory = Threads.numbered("ivr");

		assertThat(factory.newThread(() -> {
		}).getName()).isEqualTo("ivr-1");
		assertThat(factory.newThread(() -> {
		}).getName()).isEqualTo("ivr-2");
	}

	/** The calling thread's scheduling policy. */
	private static int policy() {
		return policy(Path.of("/proc/thread-self/stat"));
	}

	/** A thread's scheduling policy: field 41 of its stat, counted after the name's ")". */
	private static int policy(Path statFile) {
		try {
			String stat = Files.readString(statFile);
			return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[41 - 3]);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String comm(Path task) {
		try {
			return Files.readString(task.resolve("comm")).strip();
		}
		catch (IOException e) {
			// Ended meanwhile.
			return "";
		}
	}

	/** The CPUs the calling thread may run on, as Linux lists them. */
	private static String cpusAllowed() {
		return cpusAllowed(Path.of("/proc/thread-self/status"));
	}

	/** The CPUs a thread may run on, as its status file lists them. */
	private static String cpusAllowed(Path statusFile) {
		try {
			return Files.readAllLines(statusFile).stream()
				.filter(line -> line.startsWith("Cpus_allowed_list:"))
				.map(line -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Whether this process may use real-time scheduling at Tandem's priority, asked of Linux directly. */
	private static boolean realTimeAllowed() throws IOException, InterruptedException {
		return new ProcessBuilder("chrt", "--fifo", String.valueOf(RealTime.PRIORITY), "true").start().waitFor() == 0;
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
