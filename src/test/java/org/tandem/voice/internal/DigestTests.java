package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.tandem.support.MutableClock;

class DigestTests {

	@Test
	void matchesTheWorkedExampleOfRfc2617() {
		// RFC 2617 §3.5.
		String ha1 = Digest.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");

		assertThat(Digest.response(ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "GET", "/dir/index.html", "auth",
				"00000001", "0a4f113b")).isEqualTo("6629fae49393a05397450978507c4ef1");
	}

	@Test
	void acceptsItsOwnFreshNonceOnly() {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-27T04:00:00Z"));
		Nonces nonces = new Nonces(clock);
		String nonce = nonces.issue();

		assertThat(nonces.isValid(nonce)).isTrue();
		assertThat(nonces.isValid(new Nonces(clock).issue())).as("another key").isFalse();
		assertThat(nonces.isValid("19c6b0d1a00.00")).isFalse();
		assertThat(nonces.isValid("garbage")).isFalse();

		clock.advance(Duration.ofMinutes(6));
		assertThat(nonces.isValid(nonce)).as("expired").isFalse();
	}
}
