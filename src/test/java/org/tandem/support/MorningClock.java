package org.tandem.support;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The application's clock held at 8 am in Chicago on a weekday, for tests that count "today" and move time by hand. */
@TestConfiguration(proxyBeanMethods = false)
public class MorningClock {

	public static final Instant EIGHT_AM_CHICAGO = Instant.parse("2026-11-27T14:00:00Z");

	@Bean
	@Primary
	MutableClock morningClock() {
		return new MutableClock(EIGHT_AM_CHICAGO);
	}
}
