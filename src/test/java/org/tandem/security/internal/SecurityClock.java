package org.tandem.security.internal;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.tandem.support.MutableClock;

/** A clock the security tests move by hand, so that TOTP steps and lockout windows pass when a test says so. */
@TestConfiguration
class SecurityClock {

	static final Instant NOON = Instant.parse("2026-11-27T12:00:10Z");

	@Bean
	@Primary
	MutableClock securityTestClock() {
		return new MutableClock(NOON);
	}
}
