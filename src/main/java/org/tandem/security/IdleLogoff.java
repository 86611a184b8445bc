package org.tandem.security;

import java.time.Duration;

/**
 * Automatic logoff (45 CFR 164.312(a)(2)(iii)) for a signed-in page whose event stream keeps the server's
 * session busy: the session's own idle timeout never runs out, so the page signs its user out itself after
 * {@code after} with no key, click or touch. A page shows it as {@code data-idle-seconds} on its body, has a
 * {@code form.sign-out} and loads {@code /js/idle-logoff.js}.
 *
 * @param after {@code tandem.security.idle-logoff}, by default the session's idle timeout
 */
public record IdleLogoff(Duration after) {

	public IdleLogoff {
		if (after == null || after.toSeconds() < 1) {
			throw new IllegalStateException("tandem.security.idle-logoff must be at least one second, not " + after);
		}
	}

	public long seconds() {
		return after.toSeconds();
	}
}
