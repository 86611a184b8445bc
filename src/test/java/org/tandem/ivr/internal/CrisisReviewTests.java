package org.tandem.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tandem.ivr.IvrFixtures;

class CrisisReviewTests {

	@Test
	void remindsOnceTheReviewDateHasCome() {
		var crisis = IvrFixtures.crisis();

		assertThat(CrisisReview.reminder(crisis, crisis.reviewBy().minusDays(1))).isEmpty();
		assertThat(CrisisReview.reminder(crisis, crisis.reviewBy())).get().asString()
			.contains("due for review on " + crisis.reviewBy());
	}
}
