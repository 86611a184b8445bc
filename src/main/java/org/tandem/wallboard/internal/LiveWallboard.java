package org.tandem.wallboard.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tandem.platform.Threads;
import org.tandem.routing.AgentPresenceChanged;
import org.tandem.routing.ContactAbandoned;
import org.tandem.routing.ContactAssigned;
import org.tandem.routing.ContactCompleted;
import org.tandem.routing.ContactDiverted;
import org.tandem.routing.ContactOffered;
import org.tandem.routing.ContactQueued;
import org.tandem.routing.ContactRequeued;
import org.tandem.routing.OfferDeclined;
import org.tandem.routing.OfferTimedOut;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every open wall screen current over server-sent events. Routing publishes its events on its one loop
 * thread, which every call and chat waits on, so hearing of a change only schedules a push on the wallboard's
 * own thread. Pushes come at most every {@link #DEBOUNCE} however busy routing is (a burst of fifty calls is
 * one push), and at least every {@link #HEARTBEAT} so that times in state keep moving and a dropped connection
 * is noticed.
 */
@Component
class LiveWallboard implements SmartLifecycle {

	static final Duration DEBOUNCE = Duration.ofMillis(250);
	static final Duration HEARTBEAT = Duration.ofSeconds(5);

	/** An idle wall screen reconnects on its own when this runs out, which also shows it is still there. */
	private static final Duration CONNECTION = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(LiveWallboard.class);

	private final Snapshots snapshots;
	private final JsonMapper json;
	private final List<Screen> screens = new CopyOnWriteArrayList<>();
	private final AtomicBoolean pending = new AtomicBoolean();
	private volatile ScheduledExecutorService thread;

	private final WallDisplays displays;

	LiveWallboard(Snapshots snapshots, JsonMapper json, WallDisplays displays) {
		this.snapshots = snapshots;
		this.json = json;
		this.displays = displays;
	}

	/** A signed-in supervisor's screen gets the current snapshot at once, then every push. */
	SseEmitter connect() {
		return connect(null);
	}

	/** A wall display's screen, as {@link #connect()}, until its link is revoked. */
	SseEmitter connect(UUID display) {
		var emitter = new SseEmitter(CONNECTION.toMillis());
		var screen = new Screen(emitter, display);
		emitter.onCompletion(() -> screens.remove(screen));
		emitter.onTimeout(() -> screens.remove(screen));
		emitter.onError(error -> screens.remove(screen));
		try {
			emitter.send(event(json.writeValueAsString(snapshots.now())));
		}
		catch (IOException e) {
			emitter.completeWithError(e);
			return emitter;
		}
		screens.add(screen);
		return emitter;
	}

	/** Ends the streams of a revoked display; when its browser tries again, the link is refused. */
	void disconnect(UUID display) {
		for (Screen screen : screens) {
			if (display.equals(screen.display())) {
				screens.remove(screen);
				screen.emitter().complete();
			}
		}
	}

	int screens() {
		return screens.size();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true,
			classes = { ContactQueued.class, ContactOffered.class, ContactAssigned.class, ContactAbandoned.class,
					ContactDiverted.class, ContactRequeued.class,
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
		for (Screen screen : screens) {
			try {
				screen.emitter().send(event(snapshot));
			}
			catch (IOException | IllegalStateException e) {
				// The browser went away; its emitter is finished and forgotten.
				screens.remove(screen);
				screen.emitter().completeWithError(e);
			}
		}
	}

	/**
	 * Ends the streams of displays revoked meanwhile: on another node, or while their screen was connecting
	 * here as the link was revoked.
	 */
	private void sweep() {
		Set<UUID> open = screens.stream().map(Screen::display).filter(Objects::nonNull).collect(Collectors.toSet());
		if (open.isEmpty()) {
			return;
		}
		try {
			displays.revokedAmong(open).forEach(this::disconnect);
		}
		catch (RuntimeException e) {
			log.warn("Could not check the wall displays' links; their screens stay connected until the next check", e);
		}
	}

	private static SseEmitter.SseEventBuilder event(String snapshot) {
		return SseEmitter.event().name("snapshot").data(snapshot, MediaType.APPLICATION_JSON);
	}

	@Override
	public void start() {
		var executor = Executors.newSingleThreadScheduledExecutor(Threads.named("wallboard"));
		executor.scheduleWithFixedDelay(this::push, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
		executor.scheduleWithFixedDelay(this::sweep, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
		thread = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = thread;
		thread = null;
		if (executor != null) {
			executor.shutdownNow();
		}
		screens.forEach(screen -> screen.emitter().complete());
		screens.clear();
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}

	/** @param display the wall display it belongs to; null for a signed-in supervisor's */
	private record Screen(SseEmitter emitter, UUID display) {
	}
}
