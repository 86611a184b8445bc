package org.tandem.routing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.directory.Directory;
import org.tandem.platform.Threads;
import org.tandem.routing.ContactAssigned;
import org.tandem.routing.ContactRequeued;
import org.tandem.routing.QueueDefinition;

/**
 * The one writer of routing state. Commands from any thread queue up here; the loop applies a batch of
 * them to the {@link Engine}, fires due timers, writes every change and publishes the events in one
 * transaction, and only then answers the callers. If that transaction fails, the engine is rebuilt
 * from the database, which never saw the failed batch.
 */
@Component
class RoutingLoop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RoutingLoop.class);
	private static final int BATCH = 256;

	/** An action on the engine, and the answer for the caller, read from the engine right after it. */
	private record Command(BiFunction<Engine, Instant, Changes> action, BiFunction<Engine, Changes, Object> answer,
			CompletableFuture<Object> done) {
	}

	private final BlockingQueue<Command> inbox = new LinkedBlockingQueue<>();
	private final RoutingProperties settings;
	private final Clock clock;
	private final Directory directory;
	private final Queues queues;
	private final Contacts contacts;
	private final AgentStates agents;
	private final Decisions decisions;
	private final TransactionTemplate transaction;
	private final ApplicationEventPublisher events;
	private volatile boolean running;
	private Thread thread;
	private Engine engine;

	RoutingLoop(RoutingProperties settings, Clock clock, Directory directory, Queues queues, Contacts contacts,
			AgentStates agents, Decisions decisions, TransactionTemplate transaction, ApplicationEventPublisher events) {
		this.settings = settings;
		this.clock = clock;
		this.directory = directory;
		this.queues = queues;
		this.contacts = contacts;
		this.agents = agents;
		this.decisions = decisions;
		this.transaction = transaction;
		this.events = events;
	}

	/** Runs {@code action} on the loop and waits until its changes are committed. */
	void execute(BiFunction<Engine, Instant, Changes> action) {
		execute(action, (engine, changes) -> null);
	}

	/**
	 * Runs {@code action} on the loop, waits until its changes are committed, and returns what
	 * {@code answer} read from the engine straight after the action (on the loop thread, so it sees
	 * exactly the state that was committed).
	 */
	@SuppressWarnings("unchecked")
	<T> T execute(BiFunction<Engine, Instant, Changes> action, BiFunction<Engine, Changes, T> answer) {
		var command = new Command(action, (BiFunction<Engine, Changes, Object>) answer, new CompletableFuture<>());
		if (!running) {
			throw new IllegalStateException("Routing is not running");
		}
		inbox.add(command);
		try {
			return (T) command.done().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new CompletionException(e.getCause());
		}
		catch (TimeoutException e) {
			throw new IllegalStateException("Routing did not answer within 30 s", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for routing", e);
		}
	}

	/** Queues {@code action} without waiting for it (directory refreshes, clock nudges). */
	void submit(BiFunction<Engine, Instant, Changes> action) {
		inbox.add(new Command(action, (engine, changes) -> null, new CompletableFuture<>()));
	}

	@Override
	public void start() {
		engine = load();
		running = true;
		thread = Threads.named("routing-loop").newThread(this::run);
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(5_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		Command left;
		while ((left = inbox.poll()) != null) {
			left.done().completeExceptionally(new IllegalStateException("Routing stopped"));
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** PostgreSQL keeps microseconds: what the loop answers must equal what a later read finds. */
	private Instant now() {
		return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}

	private Engine load() {
		Instant now = now();
		var fresh = new Engine(settings);
		queues.all().forEach(fresh::defineQueue);
		Changes restored = fresh.staffChanged(directory.staff(), directory.compactTable(), now);
		agents.all().forEach(agent -> fresh.restore(agent, now));
		fresh.restoreSequence(contacts.lastSequence());
		for (ContactState contact : contacts.open()) {
			restored.addAll(fresh.restore(contact, now));
		}
		restored.addAll(fresh.resume(now));
		transaction.executeWithoutResult(status -> persist(restored));
		log.info("Routing restored {} open contacts and {} agents", fresh.openContacts().size(), fresh.agentStates().size());
		return fresh;
	}

	private void run() {
		var batch = new ArrayList<Command>(BATCH);
		var failures = new ArrayList<RuntimeException>(BATCH);
		var answers = new ArrayList<Object>(BATCH);
		while (running) {
			try {
				Instant now = now();
				long wait = Math.max(1, Duration.between(now, engine.nextWakeUp(now)).toMillis());
				Command first = inbox.poll(wait, TimeUnit.MILLISECONDS);
				batch.clear();
				failures.clear();
				answers.clear();
				if (first != null) {
					batch.add(first);
					inbox.drainTo(batch, BATCH - 1);
				}
				process(batch, failures, answers, now());
			}
			catch (InterruptedException e) {
				if (!running) {
					return;
				}
			}
			catch (RuntimeException e) {
				log.error("Routing loop failed; rebuilding from the database", e);
				batch.forEach(command -> command.done().completeExceptionally(e));
				reload();
			}
		}
	}

	/** The database may be what failed: keep trying, since nothing can be routed from a stale engine. */
	private void reload() {
		while (running) {
			try {
				engine = load();
				return;
			}
			catch (RuntimeException e) {
				log.error("Routing could not reload from the database; retrying in a second", e);
				try {
					Thread.sleep(1_000);
				}
				catch (InterruptedException interrupted) {
					return;
				}
			}
		}
	}

	private void process(List<Command> batch, List<RuntimeException> failures, List<Object> answers, Instant now) {
		var all = new Changes();
		for (Command command : batch) {
			try {
				Changes changes = command.action().apply(engine, now);
				answers.add(command.answer().apply(engine, changes));
				all.addAll(changes);
				failures.add(null);
			}
			catch (RuntimeException e) {
				answers.add(null);
				failures.add(e);
			}
		}
		all.addAll(engine.tick(now));
		if (!all.isEmpty()) {
			transaction.executeWithoutResult(status -> persist(all));
		}
		for (int i = 0; i < batch.size(); i++) {
			if (failures.get(i) == null) {
				batch.get(i).done().complete(answers.get(i));
			}
			else {
				batch.get(i).done().completeExceptionally(failures.get(i));
			}
		}
	}

	private void persist(Changes changes) {
		contacts.save(changes.contacts(), changes.created());
		agents.save(List.copyOf(changes.agents()));
		decisions.requeued(changes.events().stream()
			.filter(ContactRequeued.class::isInstance)
			.map(event -> ((ContactRequeued) event).contactId())
			.distinct()
			.toList());
		var assigned = changes.events().stream()
			.filter(ContactAssigned.class::isInstance)
			.map(event -> ((ContactAssigned) event).contactId())
			.collect(java.util.stream.Collectors.toSet());
		// Taken and put back in the same batch, a contact has no one to be assigned to any more.
		decisions.assigned(changes.contacts().stream()
			.filter(c -> assigned.contains(c.id()) && c.assignedTo() != null)
			.toList());
		decisions.save(changes.explanations());
		changes.events().forEach(events::publishEvent);
	}

	void defineQueue(QueueDefinition queue) {
		execute((engine, now) -> {
			engine.defineQueue(queue);
			return engine.resume(now);
		});
	}

	/** Before the web server's phase, so no request arrives before the queue is restored. */
	@Override
	public int getPhase() {
		return 0;
	}
}
