package org.tandem.voice.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The parts of a caller's SDP offer (RFC 4566) that matter to us: where to send audio, and which payload
 * types it offers in its order of preference (RFC 3264 §5.1).
 */
record SdpOffer(String address, int port, List<Integer> payloadTypes, OptionalInt telephoneEvent) {

	static SdpOffer parse(String sdp) {
		String sessionAddress = null;
		String mediaAddress = null;
		int port = -1;
		List<Integer> payloads = List.of();
		OptionalInt events = OptionalInt.empty();
		boolean inAudio = false;
		for (String line : sdp.split("\r?\n")) {
			if (line.startsWith("m=")) {
				// Only the first audio stream is answered; RFC 3264 §6 lets us refuse others with port 0.
				inAudio = port < 0 && line.startsWith("m=audio ");
				if (inAudio) {
					String[] fields = line.substring(2).trim().split(" +");
					port = Integer.parseInt(fields[1].split("/")[0]);
					payloads = new ArrayList<>();
					for (int i = 3; i < fields.length; i++) {
						payloads.add(Integer.parseInt(fields[i]));
					}
				}
			}
			else if (line.startsWith("c=")) {
				String address = line.substring(line.lastIndexOf(' ') + 1).split("/")[0].trim();
				if (port < 0) {
					sessionAddress = address;
				}
				else if (inAudio) {
					mediaAddress = address;
				}
			}
			else if (inAudio && line.toLowerCase().matches("a=rtpmap:\\d+ telephone-event/8000.*")) {
				events = OptionalInt.of(Integer.parseInt(line.substring(9, line.indexOf(' ')).trim()));
			}
		}
		String address = mediaAddress != null ? mediaAddress : sessionAddress;
		if (port < 0 || address == null) {
			throw new IllegalArgumentException("SDP has no audio stream with a connection address");
		}
		return new SdpOffer(address, port, List.copyOf(payloads), events);
	}

	/** The first G.711 codec in the caller's order; static payload types need no rtpmap (RFC 3551 §6). */
	Optional<Codec> chooseCodec() {
		for (int payload : payloadTypes) {
			for (Codec codec : Codec.values()) {
				if (codec.payloadType() == payload) {
					return Optional.of(codec);
				}
			}
		}
		return Optional.empty();
	}
}
