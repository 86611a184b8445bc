package org.tandem.core;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A US state, DC or territory, by its USPS code. Licensure is per jurisdiction, so this is the unit in
 * which a therapist's licenses and a client's current location are expressed.
 */
public enum UsState {
	AL("Alabama"), AK("Alaska"), AZ("Arizona"), AR("Arkansas"), CA("California"), CO("Colorado"),
	CT("Connecticut"), DE("Delaware"), DC("District of Columbia"), FL("Florida"), GA("Georgia"),
	HI("Hawaii"), ID("Idaho"), IL("Illinois"), IN("Indiana"), IA("Iowa"), KS("Kansas"), KY("Kentucky"),
	LA("Louisiana"), ME("Maine"), MD("Maryland"), MA("Massachusetts"), MI("Michigan"), MN("Minnesota"),
	MS("Mississippi"), MO("Missouri"), MT("Montana"), NE("Nebraska"), NV("Nevada"), NH("New Hampshire"),
	NJ("New Jersey"), NM("New Mexico"), NY("New York"), NC("North Carolina"), ND("North Dakota"),
	OH("Ohio"), OK("Oklahoma"), OR("Oregon"), PA("Pennsylvania"), RI("Rhode Island"),
	SC("South Carolina"), SD("South Dakota"), TN("Tennessee"), TX("Texas"), UT("Utah"), VT("Vermont"),
	VA("Virginia"), WA("Washington"), WV("West Virginia"), WI("Wisconsin"), WY("Wyoming"),
	PR("Puerto Rico"), GU("Guam"), VI("U.S. Virgin Islands"), AS("American Samoa"),
	MP("Northern Mariana Islands");

	private final String displayName;

	UsState(String displayName) {
		this.displayName = displayName;
	}

	public String displayName() {
		return displayName;
	}

	/** For JSON, case-insensitive; the field is named by the JSON path of the value. */
	@JsonCreator
	static UsState fromJson(String code) {
		return of(code, null);
	}

	/** Parses a two-letter code, case-insensitively; anything else is {@link InvalidInput} on {@code field}. */
	public static UsState of(String code, String field) {
		if (code == null || code.isBlank()) {
			throw new InvalidInput(field, "a US state code is required");
		}
		try {
			return valueOf(code.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInput(field, "'" + code + "' is not a US state code (e.g. CA, NY, TX)");
		}
	}
}
