package org.tandem.directory.internal;

import java.time.LocalDate;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies for the staff API, as an administrator's form or script would send them. */
final class StaffRequests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private StaffRequests() {
	}

	/**
	 * A therapist licensed as an LMFT in California and as a psychologist in Texas, with PSYPACT anchored
	 * in Texas, typed the way people type: mixed case, spaces in tags, a national phone number. The SIP
	 * user is unique, since every request may be stored.
	 */
	static ObjectNode therapist(LocalDate today) {
		return (ObjectNode) JSON.readTree("""
				{
				  "name": "Rosa Alvarez",
				  "pronouns": "she/her",
				  "role": "therapist",
				  "email": "rosa@example.org",
				  "phone": "(415) 555-0123",
				  "sipUser": "rosa-%3$s",
				  "licenses": [
				    {"state": "CA", "type": "LMFT", "number": "LMFT 123456", "status": "ACTIVE", "expiresOn": "%1$s"},
				    {"state": "tx", "type": "psychologist", "number": "PSY 98765", "status": "active", "expiresOn": "%1$s"}
				  ],
				  "compacts": [{"compact": "PSYPACT", "homeState": "TX", "privilegeStates": [], "expiresOn": "%2$s"}],
				  "specialties": ["Couples Communication", "affairs"],
				  "populations": ["GAY_MALE_COUPLES", "lesbian couples"],
				  "modalities": [{"name": "Gottman Method", "verification": "CERTIFIED"}, {"name": "EFT"}],
				  "languages": ["en", "ES"],
				  "identity": {"gender": ["Woman"], "orientation": ["queer"], "raceEthnicity": ["Latinx"], "faith": []},
				  "fees": {"standard": 180, "slidingMin": 90, "couplesFee": 220, "lowFeeSlots": 3, "freeConsult": true,
				           "insurancePanels": ["Blue Shield"]},
				  "formats": ["VIDEO", "in person"],
				  "acceptingNewClients": true,
				  "availability": {
				    "zone": "America/Los_Angeles",
				    "weekly": [
				      {"day": "MONDAY", "from": "17:00", "to": "21:00"},
				      {"day": "WEDNESDAY", "from": "17:00", "to": "21:00"},
				      {"day": "saturday", "from": "10:00", "to": "14:00"}
				    ],
				    "timeOff": [{"from": "2026-12-24T08:00:00Z", "to": "2027-01-02T08:00:00Z", "reason": "holidays"}]
				  },
				  "capacity": {"VOICE": 1, "CHAT": 3}
				}
				""".formatted(today.plusYears(2), today.plusYears(1), UUID.randomUUID().toString().substring(0, 8)));
	}

	/** The body with the value at a JSON pointer replaced (or added); null writes a JSON null. */
	static ObjectNode with(ObjectNode body, String pointer, Object value) {
		ObjectNode copy = body.deepCopy();
		int slash = pointer.lastIndexOf('/');
		JsonNode parent = copy.at(pointer.substring(0, slash));
		String last = pointer.substring(slash + 1);
		JsonNode node = JSON.valueToTree(value);
		if (parent instanceof ArrayNode array) {
			array.set(Integer.parseInt(last), node);
		}
		else {
			((ObjectNode) parent).set(last, node);
		}
		return copy;
	}

	/** The body with the value at a JSON pointer replaced by a JSON literal, to send a number or an array. */
	static ObjectNode withJson(ObjectNode body, String pointer, String json) {
		return with(body, pointer, JSON.readTree(json));
	}

	static StaffJson read(JsonNode body) {
		return JSON.treeToValue(body, StaffJson.class);
	}
}
