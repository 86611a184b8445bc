package org.tandem.ivr.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call's tasks one after the other, in the order given, on a shared pool: a call's steps never
 * race each other, and calls never wait for each other.
 */
final class SerialExecutor implements Executor {

	private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

	private final Queue<Runnable> tasks = new ArrayDeque<>();

	private final Executor pool;

	private boolean running;

	SerialExecutor(Executor pool) {
		this.pool = pool;
	}

	@Override
	public synchronized void execute(Runnable task) {
		tasks.add(task);
		if (!running) {
			running = true;
			pool.execute(this::drain);
		}
	}

	private void drain() {
		while (true) {
			Runnable task;
			synchronized (this) {
				task = tasks.poll();
				if (task == null) {
					running = false;
					return;
				}
			}
			try {
				task.run();
			}
			catch (RuntimeException e) {
				// One failed step must not stop the call's later ones (its hang-up, above all).
				log.error("A call step failed", e);
			}
		}
	}
}
