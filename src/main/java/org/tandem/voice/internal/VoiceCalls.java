package org.tandem.voice.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;
import org.tandem.voice.CallEnded;
import org.tandem.voice.Calls;
import org.tandem.voice.Destination;

@Service
class VoiceCalls implements Calls {

	private final CallLegs legs;

	private final WavFiles wavFiles;

	private final OutgoingLegs outgoing;

	VoiceCalls(CallLegs legs, WavFiles wavFiles, OutgoingLegs outgoing) {
		this.legs = legs;
		this.wavFiles = wavFiles;
		this.outgoing = outgoing;
	}

	@Override
	public long play(String callId, List<Path> prompts) {
		CallLeg leg = leg(callId);
		// Read every prompt before touching the call, so a bad file changes nothing.
		List<byte[]> encoded = prompts.stream().map(prompt -> wavFiles.encoded(prompt, leg.codec())).toList();
		return leg.play(encoded);
	}

	@Override
	public void loop(String callId, Path music) {
		CallLeg leg = leg(callId);
		leg.loop(wavFiles.encoded(music, leg.codec()));
	}

	@Override
	public void record(String callId, Path file, Duration max) {
		InvalidInput.require(max != null && !max.isNegative() && !max.isZero(), "max",
				"A recording needs a positive maximum length");
		legs.record(leg(callId), file, max);
	}

	@Override
	public void ring(String callId, Destination destination, Map<String, String> context, Duration timeout) {
		InvalidInput.require(destination != null, "destination", "a destination to ring is required");
		InvalidInput.require(timeout != null && !timeout.isNegative() && !timeout.isZero(), "timeout", "the ring timeout must be positive");
		outgoing.ring(leg(callId), destination, context == null ? Map.of() : context, timeout);
	}

	@Override
	public void stopRinging(String callId) {
		outgoing.stopRinging(leg(callId));
	}

	@Override
	public void bridge(String callId) {
		outgoing.bridge(leg(callId));
	}

	@Override
	public void stop(String callId) {
		leg(callId).stop();
	}

	@Override
	public void hangUp(String callId) {
		legs.hangUp(leg(callId), CallEnded.Reason.HUNG_UP);
	}

	private CallLeg leg(String callId) {
		return legs.find(callId).orElseThrow(() -> new NotFound("Call", callId));
	}
}
