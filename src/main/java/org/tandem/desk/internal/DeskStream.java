package org.tandem.desk.internal;

import java.security.Principal;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The signed-in agent's live events: offers, their end, assignments, completions and presence. */
@RestController
class DeskStream {

	private final Agents agents;
	private final DeskStreams streams;

	DeskStream(Agents agents, DeskStreams streams) {
		this.agents = agents;
		this.streams = streams;
	}

	@GetMapping(path = "/desk/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(Principal principal) {
		return streams.open(agents.require(principal).staffId());
	}
}
