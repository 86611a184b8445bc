package org.tandem.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.core.InvalidInput;
import org.tandem.core.PhoneNumber;
import org.tandem.core.Population;

class ClientTests {

	private static final ContactPoint CELL = new ContactPoint(new PhoneNumber("+14155550101"), "cell", true, true, false);
	private static final ContactPoint HOME = new ContactPoint(new PhoneNumber("+14155550102"), "home", false, false, false);

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   " })
	void refusesAClientWithoutAName(String name) {
		assertThatThrownBy(() -> client(name, List.of(CELL), null, Set.of()))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name"));
	}

	@Test
	void trimsTheNameAndTurnsBlankOptionalTextIntoNothing() {
		var client = new Client(UUID.randomUUID(), "  Maya Okafor ", " ", List.of(), "", null, null, null, null, null,
				null, Instant.EPOCH);

		assertThat(client.name()).isEqualTo("Maya Okafor");
		assertThat(client.pronouns()).isNull();
		assertThat(client.email()).isNull();
		assertThat(client.phones()).isEmpty();
		assertThat(client.populations()).isEmpty();
		assertThat(client.preferences()).isEqualTo(Preferences.NONE);
	}

	@Test
	void refusesTheSameNumberTwiceBecauseItsSafeContactFlagsWouldClash() {
		var sameNumberOtherFlags = new ContactPoint(CELL.phone(), "work", false, false, false);

		assertThatThrownBy(() -> client("Maya", List.of(HOME, CELL, sameNumberOtherFlags), null, Set.of()))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("phones[2].phone"));
	}

	@Test
	void refusesAnEmailAddressWithoutAnAtSign() {
		assertThatThrownBy(() -> client("Maya", List.of(), "maya.example.org", Set.of()))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("email"));
	}

	@Test
	void keepsIssuesAsTags() {
		var client = client("Maya", List.of(), null, Set.of("Couples Communication", " ANXIETY "));

		assertThat(client.issues()).containsExactlyInAnyOrder("couples-communication", "anxiety");
	}

	@Test
	void refusesAnIssueThatIsNoUsableTag() {
		assertThatThrownBy(() -> client("Maya", List.of(), null, Set.of("!!!")))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("issues"));
	}

	@Test
	void reportsAMissingPopulationByItsPosition() {
		var populations = new HashSet<>(Arrays.asList(Population.VETERANS, null));

		assertThatThrownBy(() -> new Client(UUID.randomUUID(), "Maya", null, List.of(), null, null, null, populations,
				null, null, null, Instant.EPOCH))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).startsWith("populations["));
	}

	@Test
	void doesNotChangeWhenTheListItWasBuiltFromChanges() {
		var phones = new ArrayList<>(List.of(CELL));
		var client = client("Maya", phones, null, Set.of());

		phones.add(HOME);

		assertThat(client.phones()).containsExactly(CELL);
		assertThatThrownBy(() -> client.phones().add(HOME)).isInstanceOf(UnsupportedOperationException.class);
	}

	private static Client client(String name, List<ContactPoint> phones, String email, Set<String> issues) {
		return new Client(UUID.randomUUID(), name, null, phones, email, null, null, Set.of(), issues,
				Preferences.NONE, null, Instant.EPOCH);
	}
}
