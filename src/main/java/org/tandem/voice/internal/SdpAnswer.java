package org.tandem.voice.internal;

import java.util.OptionalInt;

/** Our SDP answer (RFC 3264 §6): one audio stream with the chosen codec and, if offered, telephone-event. */
final class SdpAnswer {

	private SdpAnswer() {
	}

	static String build(String address, int port, long sessionId, Codec codec, OptionalInt telephoneEvent) {
		String formats = codec.payloadType() + telephoneEvent.stream().mapToObj(pt -> " " + pt).findFirst().orElse("");
		StringBuilder sdp = new StringBuilder()
			.append("v=0\r\n")
			.append("o=tandem ").append(sessionId).append(' ').append(sessionId).append(" IN IP4 ").append(address).append("\r\n")
			.append("s=tandem\r\n")
			.append("c=IN IP4 ").append(address).append("\r\n")
			.append("t=0 0\r\n")
			.append("m=audio ").append(port).append(" RTP/AVP ").append(formats).append("\r\n")
			.append("a=rtpmap:").append(codec.payloadType()).append(' ').append(codec.name()).append("/8000\r\n");
		telephoneEvent.ifPresent(pt -> sdp.append("a=rtpmap:").append(pt).append(" telephone-event/8000\r\n")
			.append("a=fmtp:").append(pt).append(" 0-15\r\n"));
		return sdp.append("a=ptime:20\r\n").append("a=sendrecv\r\n").toString();
	}
}
