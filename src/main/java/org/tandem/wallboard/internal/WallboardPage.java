package org.tandem.wallboard.internal;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tandem.security.IdleLogoff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wall screen of a signed-in supervisor. The page arrives filled in, so it is right even before its script
 * runs; from then on the script redraws it from each snapshot on {@code /wallboard/events}. That stream keeps
 * the session busy, so the page signs out by itself when nobody has touched it for the idle time; a screen on
 * the wall uses a display link instead ({@link WallDisplayPage}).
 */
@Controller
class WallboardPage {

	private final Snapshots snapshots;
	private final LiveWallboard live;
	private final JsonMapper json;
	private final IdleLogoff idleLogoff;

	WallboardPage(Snapshots snapshots, LiveWallboard live, JsonMapper json, IdleLogoff idleLogoff) {
		this.snapshots = snapshots;
		this.live = live;
		this.json = json;
		this.idleLogoff = idleLogoff;
	}

	@GetMapping("/wallboard")
	String page(Model model) {
		fill(model, snapshots.now(), json);
		model.addAttribute("display", false);
		model.addAttribute("events", "/wallboard/events");
		model.addAttribute("idleSeconds", idleLogoff.seconds());
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

	static void fill(Model model, Snapshot snapshot, JsonMapper json) {
		model.addAttribute("board", WallboardView.of(snapshot));
		// An attribute rather than an inline script: the content security policy allows no inline script.
		model.addAttribute("snapshotJson", json.writeValueAsString(snapshot));
	}
}
