package org.tandem.admin.internal;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.tandem.core.Conflict;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;

/**
 * What went wrong with a change made on a page, shown next to the form: the path of the value at fault
 * ({@code nodes.menu.options.3}), when there is one, and the module's own message. The page answers with the
 * status the API would have given.
 */
record Problem(String field, String message) {

	static final String ATTRIBUTE = "problem";

	/** Only the failures a person can act on become a problem on the page; anything else is a fault of ours. */
	static Problem of(RuntimeException e, HttpServletResponse response) {
		if (e instanceof InvalidInput invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return new Problem(invalid.field(), invalid.getMessage());
		}
		if (e instanceof Conflict) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return new Problem(null, e.getMessage());
		}
		if (e instanceof NotFound) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return new Problem(null, e.getMessage());
		}
		throw e;
	}

	/** The document to edit, or an empty form with the problem that kept it from being read. */
	static String document(Supplier<String> read, Model model, HttpServletResponse response) {
		try {
			return read.get();
		}
		catch (RuntimeException e) {
			model.addAttribute(ATTRIBUTE, of(e, response));
			return "";
		}
	}
}
