package org.tandem.desk.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tandem.platform.Threads;

/**
 * One event stream per agent. A second desktop of the same agent takes the stream over and the first is
 * told so, rather than both reconnecting in turn forever. Streams end every few minutes and the browser
 * reconnects (and re-reads its state), which also finds connections that died without a word.
 *
 * <p>Streams end before the web server stops: an open stream is a request in progress, and a graceful
 * shutdown would otherwise wait its whole timeout for browsers that never hang up.
 */
@Component
class DeskStreams implements SmartLifecycle {

	static final Duration LIFETIME = Duration.ofMinutes(5);
	private static final Duration HEARTBEAT = Duration.ofSeconds(20);
	private static final long RECONNECT_MILLIS = 1_000;

	private final Map<UUID, SseEmitter> byAgent = new ConcurrentHashMap<>();
	private volatile boolean running;
	private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
			Threads.named("desk-heartbeat"));

	DeskStreams() {
		heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
	}

	SseEmitter open(UUID agentId) {
		var emitter = new SseEmitter(LIFETIME.toMillis());
		emitter.onCompletion(() -> byAgent.remove(agentId, emitter));
		emitter.onTimeout(() -> {
			byAgent.remove(agentId, emitter);
			emitter.complete();
		});
		emitter.onError(error -> byAgent.remove(agentId, emitter));
		SseEmitter previous = byAgent.put(agentId, emitter);
		if (previous != null) {
			deliver(agentId, previous, SseEmitter.event().name("replaced").data(Map.of(), MediaType.APPLICATION_JSON));
			previous.complete();
		}
		deliver(agentId, emitter, SseEmitter.event().name("ready").reconnectTime(RECONNECT_MILLIS)
			.data(Map.of(), MediaType.APPLICATION_JSON));
		return emitter;
	}

	boolean isOpen(UUID agentId) {
		return byAgent.containsKey(agentId);
	}

	/** Sends to the agent's desktop if one is open; an event for a closed desktop is dropped, not kept. */
	void send(UUID agentId, String name, Object data) {
		SseEmitter emitter = byAgent.get(agentId);
		if (emitter != null) {
			deliver(agentId, emitter, SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
		}
	}

	private void beat() {
		byAgent.forEach((agent, emitter) -> deliver(agent, emitter, SseEmitter.event().comment("")));
	}

	private void deliver(UUID agentId, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException e) {
			// The browser went away: it reconnects, or it is gone for good.
			byAgent.remove(agentId, emitter);
			emitter.completeWithError(e);
		}
		catch (IllegalStateException e) {
			// The stream had already ended.
			byAgent.remove(agentId, emitter);
		}
	}

	@Override
	public void start() {
		running = true;
	}

	/** The default phase stops before the web server's graceful shutdown starts waiting for requests. */
	@Override
	public void stop() {
		running = false;
		byAgent.values().forEach(SseEmitter::complete);
		byAgent.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@PreDestroy
	void close() {
		heartbeat.shutdownNow();
	}
}
