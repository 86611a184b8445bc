package org.tandem.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tandem.core.InvalidInput;

class CoupleTests {

	private final UUID alex = UUID.randomUUID();
	private final UUID sam = UUID.randomUUID();

	@Test
	void refusesACoupleOfOnePerson() {
		assertThatThrownBy(() -> couple(alex, alex))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("partnerB"));
	}

	@Test
	void namesTheMissingPartner() {
		assertThatThrownBy(() -> couple(null, sam))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("partnerA"));
		assertThatThrownBy(() -> couple(alex, null))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("partnerB"));
	}

	@Test
	void isOpenUntilItCloses() {
		assertThat(couple(alex, sam).isOpen()).isTrue();
		assertThat(new Couple(UUID.randomUUID(), alex, sam, Set.of(), Set.of(), null, Instant.EPOCH).isOpen()).isFalse();
	}

	@Test
	void keepsIssuesAsTags() {
		var couple = new Couple(UUID.randomUUID(), alex, sam, null, Set.of("Trust After An Affair"), null, null);

		assertThat(couple.issues()).containsExactly("trust-after-an-affair");
		assertThat(couple.populations()).isEmpty();
		assertThat(couple.partners()).containsExactlyInAnyOrder(alex, sam);
	}

	private static Couple couple(UUID partnerA, UUID partnerB) {
		return new Couple(UUID.randomUUID(), partnerA, partnerB, Set.of(), Set.of(), null, null);
	}
}
