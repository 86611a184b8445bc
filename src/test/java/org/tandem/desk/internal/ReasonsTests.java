package org.tandem.desk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tandem.core.Channel;
import org.tandem.core.Language;
import org.tandem.core.Population;
import org.tandem.core.UsState;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.ContactView;
import org.tandem.routing.Explanation;
import org.tandem.routing.HardFilter;
import org.tandem.routing.Needs;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.RoutingStep;
import org.tandem.routing.StepTarget;
import org.tandem.routing.Strategy;
import org.tandem.routing.Weights;

class ReasonsTests {

	private static final Instant NOW = Instant.parse("2026-11-27T02:15:00Z");
	private static final UUID ME = UUID.randomUUID();
	private static final UUID DANA = UUID.randomUUID();

	private static final QueueDefinition INTAKE = new QueueDefinition("intake", List.of(
			new RoutingStep("Own therapist", StepTarget.OWN_THERAPIST, Set.of(HardFilter.LICENSED), Weights.DEFAULT,
					Strategy.BEST_FIT, Duration.ofSeconds(30)),
			new RoutingStep("Licensed specialist", StepTarget.THERAPISTS,
					Set.of(HardFilter.LICENSED, HardFilter.LANGUAGE, HardFilter.SPECIALIST), Weights.DEFAULT,
					Strategy.BEST_FIT, null)), null);

	private final ContactView contact = new ContactView(UUID.randomUUID(), "intake", Channel.VOICE, 0,
			ContactStatus.OFFERED, new Needs(Set.of(Population.LESBIAN_COUPLES), null, Language.SPANISH, UsState.TX, null,
					null, true, null, null, true), null, null, NOW, NOW, 1, ME, NOW.plusSeconds(20), null, null, null, 0,
			Map.of());

	@Test
	void saysWhichStepChoseTheAgentWhatTheyPassedAndWhyOthersDidNot() {
		var scores = new LinkedHashMap<String, Double>();
		scores.put("population", 40.0);
		scores.put("specialty", 0.0);
		scores.put("fee", 7.6);
		var failed = new EnumMap<HardFilter, Integer>(HardFilter.class);
		failed.put(HardFilter.LICENSED, 3);
		failed.put(HardFilter.PRESENCE, 2);
		var decision = new Explanation(contact.id(), NOW, 1, "Licensed specialist", Strategy.BEST_FIT, ME, "Me",
				List.of(new Explanation.Candidate(ME, "Me", List.of(), 1, 47.6, scores)), failed, "Offered to Me");

		var reason = Reasons.of(contact, ME, List.of(decision), Optional.of(INTAKE)).orElseThrow();

		assertThat(reason.step()).isEqualTo("Step 2 of 2: Licensed specialist");
		assertThat(reason.strategy()).isEqualTo("the best fit among those who qualified");
		assertThat(reason.passed()).containsExactly("a therapist", "licensed in Texas, where the client is now",
				"speaks Spanish", "works with lesbian couples", "available with room on this channel");
		assertThat(reason.scores()).containsExactly(new Card.Score("works with people like them", 40),
				new Card.Score("fee within their budget", 8));
		assertThat(reason.others())
			.isEqualTo("Others ruled out at this step: 3 not licensed where the client is, 2 not available.");
	}

	@Test
	void usesTheLatestDecisionThatChoseThisAgent() {
		var first = new Explanation(contact.id(), NOW, 0, "Own therapist", Strategy.BEST_FIT, DANA, "Dana", List.of(),
				Map.of(), "Offered to Dana");
		var second = new Explanation(contact.id(), NOW.plusSeconds(30), 1, "Licensed specialist", Strategy.BEST_FIT, ME,
				"Me", List.of(), Map.of(), "Offered to Me");

		var reason = Reasons.of(contact, ME, List.of(first, second), Optional.of(INTAKE)).orElseThrow();

		assertThat(reason.step()).startsWith("Step 2 of 2");
		assertThat(reason.others()).isEqualTo("Nobody was ruled out at this step.");
	}

	@Test
	void hasNothingToSayWhenNoDecisionChoseThisAgent() {
		var other = new Explanation(contact.id(), NOW, 0, "Own therapist", Strategy.BEST_FIT, DANA, "Dana", List.of(),
				Map.of(), "Offered to Dana");

		assertThat(Reasons.of(contact, ME, List.of(other), Optional.of(INTAKE))).isEmpty();
	}
}
