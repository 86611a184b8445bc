package org.tandem.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.core.Format;
import org.tandem.core.InvalidInput;

class PreferencesTests {

	@ParameterizedTest
	@ValueSource(ints = { -1, -120 })
	void refusesANegativeBudget(int budget) {
		assertThatThrownBy(() -> new Preferences(Set.of(), Set.of(), budget, Set.of()))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("budgetMax"));
	}

	@Test
	void acceptsAClientWhoCannotPayAtAll() {
		assertThat(new Preferences(Set.of(), Set.of(), 0, Set.of()).budgetMax()).isZero();
	}

	@Test
	void keepsIdentityWordsAndModalitiesAsTags() {
		var preferences = new Preferences(Set.of("Queer", "Black Woman"), Set.of("Gottman Method", "EFT"), null,
				Set.of(Format.VIDEO));

		assertThat(preferences.therapistIdentity()).containsExactlyInAnyOrder("queer", "black-woman");
		assertThat(preferences.modalities()).containsExactlyInAnyOrder("gottman-method", "eft");
	}

	@Test
	void namesTheListThatHoldsAnUnusableTag() {
		assertThatThrownBy(() -> new Preferences(Set.of(), Set.of("  "), null, Set.of()))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("modalities"));
	}

	@Test
	void treatsMissingListsAsEmpty() {
		assertThat(new Preferences(null, null, null, null)).isEqualTo(Preferences.NONE);
	}
}
