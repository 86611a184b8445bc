package org.tandem.security.internal;

import java.time.Clock;
import java.util.List;

/** A user's authenticator app: the codes of their secret around the time the clock shows. */
record Authenticator(byte[] key, Clock clock) {

	String code() {
		return code(0);
	}

	String code(int stepsFromNow) {
		return Totp.code(key, Totp.step(clock.instant()) + stepsFromNow, Totp.DIGITS);
	}

	/** A six-digit code that is none of those accepted around now. */
	String wrongCode() {
		var valid = List.of(code(-1), code(0), code(1));
		for (int n = 0;; n++) {
			String candidate = String.format("%06d", n);
			if (!valid.contains(candidate)) {
				return candidate;
			}
		}
	}
}
