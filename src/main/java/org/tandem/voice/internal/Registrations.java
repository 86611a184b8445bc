package org.tandem.voice.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Where each agent's phone can be reached, for as long as its registration lasts. Kept in memory: a
 * phone refreshes its binding well inside the expiry, so after a restart it is back within minutes.
 */
@Component
class Registrations {

	record Binding(String contact, Instant expires) {
	}

	private final Map<String, Binding> bySipUser = new ConcurrentHashMap<>();

	private final Clock clock;

	Registrations(Clock clock) {
		this.clock = clock;
	}

	void bind(String sipUser, String contact, Duration expires) {
		bySipUser.put(sipUser, new Binding(contact, clock.instant().plus(expires)));
	}

	void unbind(String sipUser) {
		bySipUser.remove(sipUser);
	}

	Optional<Binding> find(String sipUser) {
		Binding binding = bySipUser.get(sipUser);
		if (binding == null || !binding.expires().isAfter(clock.instant())) {
			return Optional.empty();
		}
		return Optional.of(binding);
	}
}
