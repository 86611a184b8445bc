package org.tandem.clients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients and couples as the front desk would enter them: request bodies that tests may bend into bad
 * input,. All names are invented; all numbers are in the fictional
 * 555-01xx range.
 */
public final class ClientFixtures {

	private static final List<String> AREA_CODES = List.of("415", "212", "617", "303", "206", "404", "713", "305");

	private static final AtomicInteger NUMBERS = new AtomicInteger();

	private ClientFixtures() {
	}

	/** A number no other fixture hands out, so caller ID lookups find only what a test put there. */
	public static String uniquePhone() {
		int n = NUMBERS.getAndIncrement();
		return "+1" + AREA_CODES.get(n / 100 % AREA_CODES.size()) + "55501" + String.format("%02d", n % 100);
	}

	/** A new individual client, reachable on a cell where calls, texts and detailed voicemail are fine. */
	public static Map<String, Object> maya() {
		return client("Maya Okafor", phone(uniquePhone(), "cell", true, true, true));
	}

	/** A body with everything the form offers, filled in the way people type it. */
	public static Map<String, Object> client(String name, Map<String, Object> phone) {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", name);
		body.put("pronouns", "she/her");
		body.put("phones", new ArrayList<>(List.of(phone)));
		body.put("email", "maya.okafor@example.org");
		body.put("language", "EN");
		body.put("location", new LinkedHashMap<>(Map.of("state", "tx")));
		body.put("populations", List.of("LGBTQ_INDIVIDUALS"));
		body.put("issues", List.of("Anxiety", "Couples Communication"));
		var preferences = new LinkedHashMap<String, Object>();
		preferences.put("therapistIdentity", List.of("Queer", "BIPOC"));
		preferences.put("modalities", List.of("EFT"));
		preferences.put("budgetMax", 120);
		preferences.put("formats", List.of("VIDEO", "PHONE"));
		body.put("preferences", preferences);
		return body;
	}

	public static Map<String, Object> phone(String number, String label, boolean okToCall, boolean okToText,
			boolean okToLeaveDetailedVoicemail) {
		var phone = new LinkedHashMap<String, Object>();
		phone.put("phone", number);
		phone.put("label", label);
		phone.put("okToCall", okToCall);
		phone.put("okToText", okToText);
		phone.put("okToLeaveDetailedVoicemail", okToLeaveDetailedVoicemail);
		return phone;
	}

	public static Map<String, Object> couple(Object partnerA, Object partnerB) {
		var body = new LinkedHashMap<String, Object>();
		body.put("partnerA", partnerA);
		body.put("partnerB", partnerB);
		body.put("populations", List.of("LESBIAN_COUPLES", "INTERRACIAL_COUPLES"));
		body.put("issues", List.of("Trust after an affair"));
		return body;
	}
}
