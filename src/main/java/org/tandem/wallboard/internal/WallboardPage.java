package org.tandem.wallboard.internal;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wall screen. The page arrives filled in, so it is right even before its script runs; from then on the
 * script redraws it from each snapshot on {@code /wallboard/events}.
 */
@Controller
class WallboardPage {

	private final Snapshots snapshots;
	private final LiveWallboard live;
	private final JsonMapper json;

	WallboardPage(Snapshots snapshots, LiveWallboard live, JsonMapper json) {
		this.snapshots = snapshots;
		this.live = live;
		this.json = json;
	}

	@GetMapping("/wallboard")
	String page(Model model) {
		Snapshot snapshot = snapshots.now();
		model.addAttribute("board", WallboardView.of(snapshot));
		// An attribute rather than an inline script: the content security policy allows no inline script.
		model.addAttribute("snapshotJson", json.writeValueAsString(snapshot));
		return "wallboard/wallboard";
	}

	@GetMapping(path = "/wallboard/snapshot", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Snapshot snapshot() {
		return snapshots.now();
	}

	@GetMapping(path = "/wallboard/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events() {
		return live.connect();
	}
}
