package org.tandem.routing.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.Strategy;

/**
 * One routing decision for one waiting contact among 1,000 agents, by the engine's bit-set index and by
 * a linear scan of every agent ({@link LinearScanRouter}), on the same seeded practice and 10,000
 * contacts taken in turn. The decision is {@link Engine#decide}, which is package-private: this class
 * lives in the engine's package rather than widening the engine's API for a benchmark. Surefire runs only
 * {@code *Tests}, so it never runs here; {@code mvn -Pbench test-compile exec:java} does (see
 * docs/benchmarks.md).
 *
 * <p>The query a contact is turned into is built once per contact, when it is first decided, as in the
 * routing loop; set-up decides every contact once, so the measurement is of decisions alone.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class RoutingDecisionBenchmark {

	static final long SEED = 20260310L;
	static final int AGENTS = 1_000;
	static final int CONTACTS = 10_000;

	private Engine engine;
	private LinearScanRouter scan;
	private QueueDefinition queue;
	private ContactState[] contacts;
	private Instant now;
	private int next;

	@Setup
	public void practice() {
		SeededPractice practice = SeededPractice.generate(SEED, AGENTS, CONTACTS, Strategy.BEST_FIT);
		engine = practice.engine();
		scan = practice.linearScan();
		queue = practice.queue();
		contacts = practice.contacts().toArray(ContactState[]::new);
		now = practice.now();
		requireSameChoices(practice.contacts());
	}

	/** Both must make the same decision, or the race would be between two different rules. */
	private void requireSameChoices(List<ContactState> all) {
		int found = 0;
		for (ContactState contact : all) {
			Matcher.Choice fast = engine.decide(contact, queue, now);
			LinearScanRouter.Choice plain = scan.decide(contact, queue, now);
			var fastAgent = fast.agent() < 0 ? null : engine.index().ids[fast.agent()];
			if (!Objects.equals(fastAgent, plain.agent()) || fastAgent != null && fast.step() != plain.step()) {
				throw new IllegalStateException("The index chose " + fastAgent + " at step " + fast.step()
						+ " and the scan " + plain.agent() + " at step " + plain.step() + " for " + contact.id());
			}
			found += fastAgent == null ? 0 : 1;
		}
		if (found < all.size() / 2) {
			throw new IllegalStateException("Only " + found + " of " + all.size() + " contacts found an agent");
		}
	}

	private ContactState nextContact() {
		ContactState contact = contacts[next];
		next = next + 1 == contacts.length ? 0 : next + 1;
		return contact;
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public Matcher.Choice indexThroughput() {
		return engine.decide(nextContact(), queue, now);
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public Matcher.Choice indexLatency() {
		return engine.decide(nextContact(), queue, now);
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public LinearScanRouter.Choice linearScanThroughput() {
		return scan.decide(nextContact(), queue, now);
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public LinearScanRouter.Choice linearScanLatency() {
		return scan.decide(nextContact(), queue, now);
	}
}
