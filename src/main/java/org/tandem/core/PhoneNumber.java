package org.tandem.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * A phone number in E.164 form ({@code +14155550123}). Numbers without a country code are read as
 * US numbers, since the practices Tandem serves are in the United States.
 */
public record PhoneNumber(@JsonValue String e164) {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	public PhoneNumber {
		if (e164 == null || !e164.matches("\\+[1-9][0-9]{6,14}")) {
			throw new IllegalArgumentException("not an E.164 number: " + e164);
		}
	}

	/** For JSON: the field is named by the JSON path of the value. */
	@JsonCreator
	static PhoneNumber fromJson(String raw) {
		return parse(raw, null);
	}

	/** Parses what a person typed or a carrier sent; an invalid number is {@link InvalidInput} on {@code field}. */
	public static PhoneNumber parse(String raw, String field) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidInput(field, "a phone number is required");
		}
		try {
			var parsed = UTIL.parse(raw.trim(), "US");
			if (!UTIL.isValidNumber(parsed)) {
				throw new InvalidInput(field, "'" + raw + "' is not a valid phone number");
			}
			return new PhoneNumber(UTIL.format(parsed, PhoneNumberFormat.E164));
		}
		catch (NumberParseException e) {
			throw new InvalidInput(field, "'" + raw + "' is not a phone number: " + e.getMessage());
		}
	}

	/** The number as people read it, e.g. {@code (415) 555-0123} for US numbers. */
	public String display() {
		try {
			var parsed = UTIL.parse(e164, "US");
			return UTIL.format(parsed, parsed.getCountryCode() == 1 ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
		}
		catch (NumberParseException e) {
			return e164;
		}
	}

	@Override
	public String toString() {
		return e164;
	}
}
