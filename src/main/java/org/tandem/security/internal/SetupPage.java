package org.tandem.security.internal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.tandem.core.InvalidInput;

/** {@code /setup}: the logged one-time token creates the first administrator; afterwards the page is gone. */
@Controller
class SetupPage {

	private final FirstStart firstStart;

	SetupPage(FirstStart firstStart) {
		this.firstStart = firstStart;
	}

	@GetMapping("/setup")
	String form() {
		requireOpen();
		return "setup";
	}

	@PostMapping("/setup")
	String create(@RequestParam(required = false) String token, @RequestParam(required = false) String username,
			@RequestParam(required = false) String password, @RequestParam(required = false) String confirmation,
			Model model) {
		requireOpen();
		try {
			firstStart.complete(token, username, password, confirmation);
			return "redirect:/login?setup";
		}
		catch (InvalidInput e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("field", e.field());
			model.addAttribute("username", username);
			return "setup";
		}
	}

	private void requireOpen() {
		if (!firstStart.setupOpen()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Tandem is already set up");
		}
	}
}
