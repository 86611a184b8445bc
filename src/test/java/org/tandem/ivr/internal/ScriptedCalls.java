package org.tandem.ivr.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.tandem.voice.Calls;
import org.tandem.voice.Destination;

/**
 * The voice module's side of calls, played by the test: it writes down what the call runner asks for and
 * the test answers with the events a phone line would raise. Nothing here decides anything.
 */
final class ScriptedCalls implements Calls {

	/** One thing the runner asked for; {@code what} names prompts as {@code language/id}. */
	record Request(String callId, String verb, String what, Object detail) {
	}

	private final List<Request> requests = new ArrayList<>();

	private final AtomicLong playbacks = new AtomicLong();

	@Override
	public long play(String callId, List<Path> prompts) {
		long playback = playbacks.incrementAndGet();
		add(new Request(callId, "play", String.join(",", prompts.stream().map(ScriptedCalls::promptOf).toList()),
				playback));
		return playback;
	}

	@Override
	public void loop(String callId, Path music) {
		add(new Request(callId, "loop", music.getFileName().toString(), null));
	}

	@Override
	public void stop(String callId) {
		add(new Request(callId, "stop", "", null));
	}

	@Override
	public void record(String callId, Path file, Duration max) {
		add(new Request(callId, "record", file.toString(), max));
	}

	@Override
	public void ring(String callId, Destination destination, Map<String, String> context, Duration timeout) {
		add(new Request(callId, "ring", destination.toString(), context));
	}

	@Override
	public void stopRinging(String callId) {
		add(new Request(callId, "stopRinging", "", null));
	}

	@Override
	public void bridge(String callId) {
		add(new Request(callId, "bridge", "", null));
	}

	@Override
	public void hangUp(String callId) {
		add(new Request(callId, "hangUp", "", null));
	}

	synchronized List<Request> of(String callId) {
		return requests.stream().filter(request -> request.callId().equals(callId)).toList();
	}

	/** The prompt file names are {@code language-id-revision.wav}. */
	private static String promptOf(Path file) {
		String name = file.getFileName().toString();
		int first = name.indexOf('-');
		int last = name.lastIndexOf('-');
		return name.substring(0, first) + "/" + name.substring(first + 1, last);
	}

	private synchronized void add(Request request) {
		requests.add(request);
	}
}
