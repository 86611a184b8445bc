package org.tandem.clients.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.clients.CurrentLocation;
import org.tandem.clients.internal.ClientJson.ContactPointJson;
import org.tandem.clients.internal.ClientJson.LocationJson;
import org.tandem.core.InvalidInput;
import org.tandem.core.Language;
import org.tandem.core.UsState;

class ClientJsonTests {

	private static final Instant LAST_WEEK = Instant.parse("2026-11-20T18:30:00Z");
	private static final Instant NOW = Instant.parse("2026-11-27T02:15:00Z");

	@ParameterizedTest
	@ValueSource(strings = { "(512) 555-0142", "512-555-0142", "512.555.0142", "512 555 0142", "5125550142",
			"1 (512) 555-0142", "+1 512-555-0142", "+15125550142", " (512)555-0142 " })
	void storesANumberTypedInAnyCommonUsFormatAsE164(String typed) {
		var client = form(List.of(phone(typed)), null, null).toClient(UUID.randomUUID(), NOW, null, NOW);

		assertThat(client.phones().get(0).phone().e164()).isEqualTo("+15125550142");
	}

	@ParameterizedTest
	@ValueSource(strings = { "555-0142", "(512) 555-01420000", "not a number", "" })
	void namesTheNumberThatIsNoPhoneNumberByItsPosition(String typed) {
		var form = form(List.of(phone("(512) 555-0142"), phone(typed)), null, null);

		assertInvalid(() -> form.toClient(UUID.randomUUID(), NOW, null, NOW), "phones[1].phone");
	}

	@Test
	void namesAnUnknownStateByItsPathInTheBody() {
		var form = form(List.of(), "XX", null);

		assertInvalid(() -> form.toClient(UUID.randomUUID(), NOW, null, NOW), "location.state");
	}

	@ParameterizedTest
	@ValueSource(strings = { "english", "xx", "" })
	void namesALanguageThatIsNoIsoCode(String language) {
		var form = form(List.of(), null, language);

		assertInvalid(() -> form.toClient(UUID.randomUUID(), NOW, null, NOW), "language");
	}

	@Test
	void readsLanguageAndStateCodesWhateverTheirCase() {
		var client = form(List.of(), "tx", "ES").toClient(UUID.randomUUID(), NOW, null, NOW);

		assertThat(client.language()).isEqualTo(Language.SPANISH);
		assertThat(client.location()).isEqualTo(new CurrentLocation(UsState.TX, NOW));
	}

	@Test
	void keepsWhenTheLocationWasConfirmedWhileTheStateIsUnchanged() {
		var stored = new CurrentLocation(UsState.TX, LAST_WEEK);

		var client = form(List.of(), "TX", null).toClient(UUID.randomUUID(), LAST_WEEK, stored, NOW);

		assertThat(client.location()).isEqualTo(stored);
	}

	@Test
	void takesANewStateAsConfirmedNow() {
		var stored = new CurrentLocation(UsState.TX, LAST_WEEK);

		var client = form(List.of(), "NM", null).toClient(UUID.randomUUID(), LAST_WEEK, stored, NOW);

		assertThat(client.location()).isEqualTo(new CurrentLocation(UsState.NM, NOW));
	}

	@Test
	void keepsTheStoredLocationWhenTheFormHasNone() {
		var stored = new CurrentLocation(UsState.TX, LAST_WEEK);

		var client = form(List.of(), null, null).toClient(UUID.randomUUID(), LAST_WEEK, stored, NOW);

		assertThat(client.location()).isEqualTo(stored);
	}

	@Test
	void writesOutNumbersInE164AndLanguageAndStateAsCodes() {
		var client = form(List.of(phone("(512) 555-0142")), "tx", "es").toClient(UUID.randomUUID(), NOW, null, NOW);

		ClientJson json = ClientJson.of(client);

		assertThat(json.phones()).extracting(ContactPointJson::phone).containsExactly("+15125550142");
		assertThat(json.language()).isEqualTo("es");
		assertThat(json.location()).isEqualTo(new LocationJson("TX", NOW));
		assertThat(json.toClient(client.id(), NOW, client.location(), NOW)).isEqualTo(client);
	}

	private static void assertInvalid(Runnable parse, String field) {
		assertThatThrownBy(parse::run)
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
	}

	private static ContactPointJson phone(String typed) {
		return new ContactPointJson(typed, "home", true, false, false);
	}

	private static ClientJson form(List<ContactPointJson> phones, String state, String language) {
		return new ClientJson(null, "Maya Okafor", null, phones, null, language,
				state == null ? null : new LocationJson(state, null), Set.of(), Set.of(), null, null, null);
	}
}
