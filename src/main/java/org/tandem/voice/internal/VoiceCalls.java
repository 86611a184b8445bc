package org.tandem.voice.internal;

import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Service;
import org.tandem.core.NotFound;
import org.tandem.voice.CallEnded;
import org.tandem.voice.Calls;

@Service
class VoiceCalls implements Calls {

	private final CallLegs legs;

	private final WavFiles wavFiles;

	VoiceCalls(CallLegs legs, WavFiles wavFiles) {
		this.legs = legs;
		this.wavFiles = wavFiles;
	}

	@Override
	public void play(String callId, List<Path> prompts) {
		// Read every prompt before touching the call, so a bad file changes nothing.
		List<short[]> samples = prompts.stream().map(wavFiles::samples).toList();
		leg(callId).play(samples);
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
