package org.tandem.clients.internal;

import static com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.tandem.clients.Client;
import org.tandem.clients.ContactPoint;
import org.tandem.clients.CurrentLocation;
import org.tandem.clients.Preferences;
import org.tandem.core.InvalidInput;
import org.tandem.core.Language;
import org.tandem.core.PhoneNumber;
import org.tandem.core.Population;
import org.tandem.core.UsState;

/**
 * A client as the API reads and writes it: numbers, states and languages as people type them, turned
 * into the model with the JSON path of whatever is wrong. What the server decides (id, creation time,
 * when a location was confirmed) is only ever written out.
 */
record ClientJson(@JsonProperty(access = READ_ONLY) UUID id, String name, String pronouns,
		List<ContactPointJson> phones, String email, String language, LocationJson location,
		Set<Population> populations, Set<String> issues, Preferences preferences, UUID ownTherapistId,
		@JsonProperty(access = READ_ONLY) Instant createdAt) {

	static ClientJson of(Client client) {
		return new ClientJson(client.id(), client.name(), client.pronouns(),
				client.phones().stream().map(ContactPointJson::of).toList(), client.email(),
				client.language() == null ? null : client.language().code(),
				client.location() == null ? null : LocationJson.of(client.location()), client.populations(),
				client.issues(), client.preferences(), client.ownTherapistId(), client.createdAt());
	}

	/**
	 * @param stored the location on record, kept with its confirmation time when the state is unchanged,
	 * so that saving a form again does not pass off an old answer as a new one; kept as well when the
	 * form has no location
	 */
	Client toClient(UUID id, Instant createdAt, CurrentLocation stored, Instant now) {
		return new Client(id, name, pronouns, contactPoints(), email,
				language == null ? null : Language.of(language, "language"),
				location == null ? stored : location.toLocation(stored, now), populations,
				issues, preferences, ownTherapistId, createdAt);
	}

	private List<ContactPoint> contactPoints() {
		var points = new ArrayList<ContactPoint>();
		for (int i = 0; phones != null && i < phones.size(); i++) {
			String field = "phones[" + i + "]";
			InvalidInput.require(phones.get(i) != null, field, "must not be null");
			points.add(phones.get(i).toContactPoint(field));
		}
		return points;
	}

	/**
	 * One number of this client and what they said is safe on it. The flags are objects so that a flag
	 * left out can be read as what it means, "not said to be safe", instead of failing the request.
	 */
	record ContactPointJson(String phone, String label, Boolean okToCall, Boolean okToText,
			Boolean okToLeaveDetailedVoicemail) {

		static ContactPointJson of(ContactPoint point) {
			return new ContactPointJson(point.phone().e164(), point.label(), point.okToCall(), point.okToText(),
					point.okToLeaveDetailedVoicemail());
		}

		ContactPoint toContactPoint(String field) {
			return new ContactPoint(PhoneNumber.parse(phone, field + ".phone"), label, Boolean.TRUE.equals(okToCall),
					Boolean.TRUE.equals(okToText), Boolean.TRUE.equals(okToLeaveDetailedVoicemail));
		}
	}

	record LocationJson(String state, @JsonProperty(access = READ_ONLY) Instant confirmedAt) {

		static LocationJson of(CurrentLocation location) {
			return new LocationJson(location.state().name(), location.confirmedAt());
		}

		CurrentLocation toLocation(CurrentLocation stored, Instant now) {
			UsState said = UsState.of(state, "location.state");
			return stored != null && stored.state() == said ? stored : new CurrentLocation(said, now);
		}
	}
}
