package org.tandem.wallboard.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tandem.routing.AgentPresenceChanged;
import org.tandem.routing.ContactAbandoned;
import org.tandem.routing.ContactAssigned;
import org.tandem.routing.ContactCompleted;
import org.tandem.routing.ContactDiverted;
import org.tandem.routing.ContactOffered;
import org.tandem.routing.ContactQueued;
import org.tandem.routing.OfferDeclined;
import org.tandem.routing.OfferTimedOut;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every open wall screen current over server-sent events. Routing publishes its events on its one loop
 * thread, which every call and chat waits on, so hearing of a change only schedules a push on the wallboard's
 * own thread. Pushes come at most every {@link #DEBOUNCE} however busy routing is (a burst of fifty calls is
 * one push), and at least every {@link #HEARTBEAT} so that times in state keep moving and a dropped connection
 * is noticed. The day's curve is sampled on the same thread, once a minute.
 */
@Component
class LiveWallboard implements SmartLifecycle {

	static final Duration DEBOUNCE = Duration.ofMillis(250);
	static final Duration HEARTBEAT = Duration.ofSeconds(5);
	static final Duration SAMPLE = Duration.ofMinutes(1);

	/** An idle wall screen reconnects on its own when this runs out, which also shows it is still there. */
	private static final Duration CONNECTION = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(LiveWallboard.class);

	private final Snapshots snapshots;
	private final JsonMapper json;
	private final Clock clock;
	private final List<SseEmitter> screens = new CopyOnWriteArrayList<>();
	private final AtomicBoolean pending = new AtomicBoolean();
	private volatile ScheduledExecutorService thread;

	LiveWallboard(Snapshots snapshots, JsonMapper json, Clock clock) {
		this.snapshots = snapshots;
		this.json = json;
		this.clock = clock;
	}

	/** A new screen gets the current snapshot at once, then every push. */
	SseEmitter connect() {
		var screen = new SseEmitter(CONNECTION.toMillis());
		screen.onCompletion(() -> screens.remove(screen));
		screen.onTimeout(() -> screens.remove(screen));
		screen.onError(error -> screens.remove(screen));
		try {
			screen.send(event(json.writeValueAsString(snapshots.now())));
		}
		catch (IOException e) {
			screen.completeWithError(e);
			return screen;
		}
		screens.add(screen);
		return screen;
	}

	int screens() {
		return screens.size();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true,
			classes = { ContactQueued.class, ContactOffered.class, ContactAssigned.class, ContactAbandoned.class,
					ContactDiverted.class,
					ContactCompleted.class, OfferDeclined.class, OfferTimedOut.class, AgentPresenceChanged.class })
	void routingChanged() {
		ScheduledExecutorService executor = thread;
		if (executor != null && pending.compareAndSet(false, true)) {
			executor.schedule(this::push, DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void push() {
		// Cleared before reading, so that a change during the read schedules the next push.
		pending.set(false);
		if (screens.isEmpty()) {
			return;
		}
		String snapshot;
		try {
			snapshot = json.writeValueAsString(snapshots.now());
		}
		catch (RuntimeException e) {
			// A failure here would cancel the heartbeat for good; the screens keep the last figures instead.
			log.warn("Could not read the wallboard's figures; the screens keep the last ones", e);
			return;
		}
		for (SseEmitter screen : screens) {
			try {
				screen.send(event(snapshot));
			}
			catch (IOException | IllegalStateException e) {
				// The browser went away; its emitter is finished and forgotten.
				screens.remove(screen);
				screen.completeWithError(e);
			}
		}
	}

	private void sample() {
		try {
			snapshots.sample();
		}
		catch (RuntimeException e) {
			log.warn("Could not sample the wallboard's curve at {}", clock.instant(), e);
		}
	}

	private static SseEmitter.SseEventBuilder event(String snapshot) {
		return SseEmitter.event().name("snapshot").data(snapshot, MediaType.APPLICATION_JSON);
	}

	@Override
	public void start() {
		var executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			var named = new Thread(runnable, "wallboard");
			named.setDaemon(true);
			return named;
		});
		executor.scheduleWithFixedDelay(this::push, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
		executor.scheduleAtFixedRate(this::sample, untilNextMinute(), SAMPLE.toMillis(), TimeUnit.MILLISECONDS);
		executor.execute(this::sample);
		thread = executor;
	}

	/** Samples fall on the minute, so the curve's points line up with the clock on the wall. */
	private long untilNextMinute() {
		long millis = clock.instant().toEpochMilli();
		return SAMPLE.toMillis() - millis % SAMPLE.toMillis();
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = thread;
		thread = null;
		if (executor != null) {
			executor.shutdownNow();
		}
		screens.forEach(SseEmitter::complete);
		screens.clear();
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}
}
