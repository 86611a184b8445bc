package org.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ThreadsTests {

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
	void numberedThreadsCountFromOne() {
		var factory = Threads.numbered("ivr");

		assertThat(factory.newThread(() -> {
		}).getName()).isEqualTo("ivr-1");
		assertThat(factory.newThread(() -> {
		}).getName()).isEqualTo("ivr-2");
	}
}
