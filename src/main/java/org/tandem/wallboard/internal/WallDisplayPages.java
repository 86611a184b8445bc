package org.tandem.wallboard.internal;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tandem.core.InvalidInput;

/**
 * Supervisors and administrators make a wall display link for a screen that nobody signs in to, see the links
 * that work, and revoke one. A new link is shown on the page that made it and never again.
 */
@Controller
class WallDisplayPages {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a", Locale.US);

	private final WallDisplayLinks links;
	private final WallboardProperties properties;

	WallDisplayPages(WallDisplayLinks links, WallboardProperties properties) {
		this.links = links;
		this.properties = properties;
	}

	@GetMapping("/wallboard/displays")
	String list(Model model) {
		return page(model);
	}

	@PostMapping("/wallboard/displays")
	String create(@RequestParam(defaultValue = "") String name, Principal principal, Model model,
			HttpServletResponse response) {
		try {
			var created = links.create(name, principal.getName());
			model.addAttribute("created", created.display());
			model.addAttribute("link", ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/wall/{token}")
				.buildAndExpand(created.token().value())
				.toUriString());
			// The page with the link on it is not kept by the browser or anything in between.
			response.setHeader("Cache-Control", "no-store");
		}
		catch (InvalidInput e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", e.getMessage());
			model.addAttribute("name", name);
		}
		return page(model);
	}

	@PostMapping("/wallboard/displays/{id}/revoke")
	String revoke(@PathVariable UUID id, Principal principal) {
		return links.revoke(id, principal.getName()) ? "redirect:/wallboard/displays?revoked"
				: "redirect:/wallboard/displays?gone";
	}

	private String page(Model model) {
		ZoneId zone = properties.zone();
		model.addAttribute("displays", links.active().stream()
			.map(display -> new Row(display.id(), display.name(), display.createdBy(), display.createdAt().toString(),
					when(display.createdAt(), zone), display.lastUsedAt() == null ? null : display.lastUsedAt().toString(),
					display.lastUsedAt() == null ? "Never" : when(display.lastUsedAt(), zone)))
			.toList());
		return "wallboard/displays";
	}

	private static String when(Instant at, ZoneId zone) {
		return WHEN.format(at.atZone(zone));
	}

	/** Times as ISO-8601 for the page's script, which shows them in the viewer's zone, and in the practice's. */
	record Row(UUID id, String name, String createdBy, String createdAt, String createdAtText, String lastUsedAt,
			String lastUsedText) {
	}
}
