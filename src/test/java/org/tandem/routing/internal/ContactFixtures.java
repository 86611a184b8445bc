package org.tandem.routing.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.tandem.core.Channel;
import org.tandem.core.Format;
import org.tandem.core.Language;
import org.tandem.core.Population;
import org.tandem.core.UsState;
import org.tandem.routing.Needs;

/**
 * Contacts as the routing service builds them. A fresh builder is a new client calling the
 * {@code intake} queue from California in English, who has just arrived.
 */
final class ContactFixtures {

	/** A Tuesday, 11:00 in California and 14:00 in New York. */
	static final Instant T0 = Instant.parse("2026-03-10T18:00:00Z");

	static final String QUEUE = "intake";

	// The serving order ends on the sequence, and the engine's waiting line is a set ordered by it:
	// two contacts sharing one would be one contact to the line.
	private static final AtomicLong SEQUENCES = new AtomicLong();

	private ContactFixtures() {
	}

	static Builder contact() {
		return new Builder();
	}

	/** A lesbian couple new to the practice, in California, who want help with communication and can pay $180. */
	static ContactState waitingCouple() {
		return contact().populations(Population.LESBIAN_COUPLES).issues("communication").budget(180).build();
	}

	static final class Builder {

		private UUID id = UUID.randomUUID();
		private String queue = QUEUE;
		private Channel channel = Channel.VOICE;
		private int priority;
		private final Set<Population> populations = EnumSet.noneOf(Population.class);
		private final Set<String> issues = new LinkedHashSet<>();
		private Language language = Language.ENGLISH;
		private UsState state = UsState.CA;
		private Integer budget;
		private Boolean newClient = true;
		private final Set<String> identityPreferences = new LinkedHashSet<>();
		private final Set<String> modalities = new LinkedHashSet<>();
		private Boolean couple;
		private UUID ownTherapist;
		private Instant arrivedAt = T0;
		private Instant queuedAt;

		Builder id(UUID id) {
			this.id = id;
			return this;
		}

		Builder queue(String queue) {
			this.queue = queue;
			return this;
		}

		Builder channel(Channel channel) {
			this.channel = channel;
			return this;
		}

		Builder priority(int priority) {
			this.priority = priority;
			return this;
		}

		/** Populations ending in {@code _COUPLES} make the contact a couple, as the routing service decides. */
		Builder populations(Population... populations) {
			this.populations.addAll(List.of(populations));
			if (couple == null) {
				couple = this.populations.stream().anyMatch(p -> p.name().endsWith("_COUPLES"));
			}
			return this;
		}

		Builder issues(String... issues) {
			this.issues.addAll(List.of(issues));
			return this;
		}

		Builder speaking(String code) {
			language = code == null ? null : new Language(code);
			return this;
		}

		/** Where the client is right now, which is what licensure looks at. */
		Builder in(UsState state) {
			this.state = state;
			return this;
		}

		Builder budget(Integer budget) {
			this.budget = budget;
			return this;
		}

		Builder returningClient() {
			newClient = false;
			return this;
		}

		Builder prefers(String... identityWords) {
			identityPreferences.addAll(List.of(identityWords));
			return this;
		}

		Builder modalities(String... modalities) {
			this.modalities.addAll(List.of(modalities));
			return this;
		}

		Builder couple(boolean couple) {
			this.couple = couple;
			return this;
		}

		/** A returning client of {@code therapist}. */
		Builder ownTherapist(UUID therapist) {
			ownTherapist = therapist;
			newClient = false;
			return this;
		}

		Builder arrivedAt(Instant arrivedAt) {
			this.arrivedAt = arrivedAt;
			return this;
		}

		/** When the contact entered the queue; a callback keeps an earlier {@link #arrivedAt}. */
		Builder queuedAt(Instant queuedAt) {
			this.queuedAt = queuedAt;
			return this;
		}

		Needs needs() {
			return new Needs(populations, issues, language, state, Format.VIDEO, budget, newClient, identityPreferences,
					modalities, couple);
		}

		ContactState build() {
			return new ContactState(id, SEQUENCES.incrementAndGet(), queue, channel, priority, needs(), null, null,
					ownTherapist, arrivedAt, queuedAt == null ? arrivedAt : queuedAt, Map.of());
		}
	}
}
