package org.tandem.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.tandem.TandemApplication;
import org.tandem.core.Channel;
import org.tandem.core.Format;
import org.tandem.core.Language;
import org.tandem.core.UsState;
import org.tandem.directory.Availability;
import org.tandem.directory.Fees;
import org.tandem.directory.Identity;
import org.tandem.directory.License;
import org.tandem.directory.LicenseStatus;
import org.tandem.directory.LicenseType;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRegistration;
import org.tandem.directory.StaffRole;
import org.tandem.directory.WeeklyHours;
import org.tandem.routing.ContactRequest;
import org.tandem.routing.ContactView;
import org.tandem.routing.HardFilter;
import org.tandem.routing.Needs;
import org.tandem.routing.Presence;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.Routing;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;
import org.tandem.routing.Strategy;
import org.tandem.routing.Weights;

/**
 * Persisted assignments per second on the real application and PostgreSQL (embedded, fsync and
 * synchronous commit on): each operation queues a chat, which the loop offers to an agent, and that
 * agent accepts it. Both steps are committed before they return, with the decision's explanation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = { "-Xmx2g" })
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Threads(32)
public class PersistedAssignmentBenchmark {

	private static final int AGENTS = 200;

	private ConfigurableApplicationContext application;
	private Routing routing;
	private final Needs texas = new Needs(null, null, null, UsState.TX, null, null, null, null, null, null);

	@Setup(Level.Trial)
	public void start() {
		application = SpringApplication.run(TandemApplication.class, "--server.port=0",
				"--tandem.db.data-dir=" + System.getProperty("java.io.tmpdir") + "/tandem-bench-" + UUID.randomUUID(),
				"--tandem.db.ephemeral=true", "--tandem.security.admin-password=bench-admin-secret",
				"--logging.level.root=warn");
		routing = application.getBean(Routing.class);
		StaffRegistration staff = application.getBean(StaffRegistration.class);
		var always = Arrays.stream(DayOfWeek.values())
			.map(day -> new WeeklyHours(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)).toList();
		for (int i = 0; i < AGENTS; i++) {
			StaffMember member = staff.add(new StaffMember(UUID.randomUUID(), "Agent " + i, null, StaffRole.THERAPIST,
					null, null, null,
					List.of(new License(UsState.TX, LicenseType.LPC, "LPC-" + i, LicenseStatus.ACTIVE, LocalDate.of(2030, 1, 1))),
					List.of(), Set.of(), Set.of(), List.of(), Set.of(Language.ENGLISH), Identity.UNDISCLOSED,
					new Fees(150, null, null, 0, false, Set.of()), Set.of(Format.VIDEO), true,
					new Availability(ZoneId.of("America/Chicago"), always, List.of()), Map.of(Channel.CHAT, 1_000_000),
					true));
			routing.setPresence(member.id(), Presence.AVAILABLE);
		}
		routing.defineQueue(new QueueDefinition("bench", List.of(new RoutingStep("Licensed", StepTarget.THERAPISTS,
				Set.of(HardFilter.LICENSED), Weights.DEFAULT, Strategy.LONGEST_IDLE, null)), null));
	}

	@TearDown(Level.Trial)
	public void stop() {
		application.close();
	}

	@Benchmark
	public ContactView queueOfferAndAccept() {
		ContactView offered = routing.enqueue(new ContactRequest("bench", Channel.CHAT, 0, texas, null, null, null, Map.of()));
		if (offered.offeredTo() == null) {
			throw new IllegalStateException("no agent free: raise AGENTS above @Threads");
		}
		return routing.accept(offered.id(), offered.offeredTo());
	}
}
