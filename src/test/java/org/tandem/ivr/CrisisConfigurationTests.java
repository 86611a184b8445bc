package org.tandem.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tandem.core.InvalidInput;

class CrisisConfigurationTests {

	static final CrisisConfiguration SEED = IvrFixtures.crisis();

	@Test
	void refusesThe988OptionThatEnded() {
		var lines = List.of(new CrisisLine("988", "988", Set.of(CrisisLine.How.CALL),
				Map.of("1", "Veterans", "2", "Spanish", "3", "LGBTQ+ youth"), "24/7"));

		assertThatThrownBy(() -> new CrisisConfiguration(lines, SEED.notice(), SEED.reviewedOn(), SEED.reviewBy()))
			.isInstanceOf(InvalidInput.class)
			.hasFieldOrPropertyWithValue("field", "lines[0].options.3")
			.hasMessageContaining("2025-07-17");
	}

	@Test
	void refusesANoticeThatLeavesALineOut() {
		var lines = new java.util.ArrayList<>(SEED.lines());
		lines.add(new CrisisLine("Trans Lifeline", "+18775658860", Set.of(CrisisLine.How.CALL), Map.of(), "limited"));

		assertThatThrownBy(() -> new CrisisConfiguration(lines, SEED.notice(), SEED.reviewedOn(), SEED.reviewBy()))
			.isInstanceOf(InvalidInput.class)
			.hasFieldOrPropertyWithValue("field", "notice.en")
			.hasMessageContaining("Trans Lifeline");
	}

	@Test
	void refusesAReviewDateBeforeTheLastReview() {
		assertThatThrownBy(() -> new CrisisConfiguration(SEED.lines(), SEED.notice(), SEED.reviewedOn(),
				SEED.reviewedOn().minusDays(1)))
			.isInstanceOf(InvalidInput.class)
			.hasFieldOrPropertyWithValue("field", "reviewBy");
	}

	@Test
	void refusesANoticeMissingInSpanish() {
		assertThatThrownBy(() -> new CrisisConfiguration(SEED.lines(), Map.of("en", SEED.notice("en")),
				SEED.reviewedOn(), SEED.reviewBy()))
			.isInstanceOf(InvalidInput.class)
			.hasFieldOrPropertyWithValue("field", "notice.es");
	}

	@Test
	void isDueForReviewOnItsReviewDate() {
		assertThat(SEED.isDueForReview(SEED.reviewBy().minusDays(1))).isFalse();
		assertThat(SEED.isDueForReview(SEED.reviewBy())).isTrue();
		assertThat(SEED.isDueForReview(LocalDate.of(2030, 1, 1))).isTrue();
	}
}
