package org.tandem.wallboard.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wallboard through a display link, for a screen on the wall that nobody signs in to: the same figures,
 * live, with no controls and no way further into Tandem. The figures are counts, staff names and queue names;
 * nothing about a client. A token never issued and a revoked one get the same 404, so the answer says nothing
 * about which links exist.
 */
@Controller
class WallDisplayPage {

	private final WallDisplayLinks links;
	private final Snapshots snapshots;
	private final LiveWallboard live;
	private final JsonMapper json;

	WallDisplayPage(WallDisplayLinks links, Snapshots snapshots, LiveWallboard live, JsonMapper json) {
		this.links = links;
		this.snapshots = snapshots;
		this.live = live;
		this.json = json;
	}

	@GetMapping("/wall/{token}")
	String page(@PathVariable String token, Model model, HttpServletResponse response) {
		// The token is the path: no page it links to may learn it from a Referer header.
		response.setHeader("Referrer-Policy", "no-referrer");
		var display = links.open(token);
		if (display.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "wallboard/display-unknown";
		}
		WallboardPage.fill(model, snapshots.now(), json);
		model.addAttribute("display", true);
		model.addAttribute("displayName", display.get().name());
		model.addAttribute("events", "/wall/" + token + "/events");
		return "wallboard/wallboard";
	}

	@GetMapping(path = "/wall/{token}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> events(@PathVariable String token) {
		return links.open(token)
			.map(display -> ResponseEntity.ok().header("Referrer-Policy", "no-referrer").body(live.connect(display.id())))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}
}
