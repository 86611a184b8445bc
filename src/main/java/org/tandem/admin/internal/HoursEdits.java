package org.tandem.admin.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.tandem.core.InvalidInput;
import org.tandem.ivr.FlowNode.Hours;

/**
 * The changes the hours page makes to one hours node, each keeping the rest of the node as it was. Spans and
 * time zones are checked by {@code ivr} when the flow is saved, so that the page and the API refuse the same
 * things with the same words.
 */
final class HoursEdits {

	private HoursEdits() {
	}

	/** "09:00-12:00, 13:00-19:00" as the spans it lists; nothing at all is closed. */
	static List<String> spans(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::strip).filter(span -> !span.isEmpty()).toList();
	}

	static String text(List<String> spans) {
		return String.join(", ", spans);
	}

	static LocalDate date(String text, String field) {
		InvalidInput.require(text != null && !text.isBlank(), field, "a date is required, e.g. 2026-12-31");
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInput(field, "'" + text + "' is not a date like 2026-12-31");
		}
	}

	/** The spans of a day of the week, whichever way the document spells the day. */
	static List<String> spansOn(Hours hours, DayOfWeek day) {
		var key = keyOf(hours, day);
		return hours.weekly().getOrDefault(key, List.of());
	}

	/**
	 * A new time zone and week. A day left empty is closed; it stays in the document only if it was there, so a
	 * week that did not change is written as it was.
	 */
	static Hours week(Hours hours, String timeZone, Map<DayOfWeek, List<String>> days) {
		var weekly = new LinkedHashMap<String, List<String>>();
		for (DayOfWeek day : DayOfWeek.values()) {
			String key = keyOf(hours, day);
			List<String> spans = days.getOrDefault(day, List.of());
			if (!spans.isEmpty() || hours.weekly().containsKey(key)) {
				weekly.put(key, spans);
			}
		}
		return new Hours(timeZone, weekly, hours.holidays(), hours.exceptions(), hours.open(), hours.closed());
	}

	static Hours withHoliday(Hours hours, LocalDate date) {
		InvalidInput.require(!hours.holidays().contains(date), "holidays", date + " is already a holiday");
		var holidays = new ArrayList<>(hours.holidays());
		holidays.add(date);
		holidays.sort(null);
		return new Hours(hours.timeZone(), hours.weekly(), holidays, hours.exceptions(), hours.open(), hours.closed());
	}

	static Hours withoutHoliday(Hours hours, LocalDate date) {
		InvalidInput.require(hours.holidays().contains(date), "holidays", date + " is not a holiday");
		var holidays = new ArrayList<>(hours.holidays());
		holidays.remove(date);
		return new Hours(hours.timeZone(), hours.weekly(), holidays, hours.exceptions(), hours.open(), hours.closed());
	}

	/** The date's own spans in place of its weekday's, replacing any it had; no spans is closed that day. */
	static Hours withException(Hours hours, LocalDate date, List<String> spans) {
		var exceptions = new TreeMap<>(hours.exceptions());
		exceptions.put(date, spans);
		return new Hours(hours.timeZone(), hours.weekly(), hours.holidays(), exceptions, hours.open(), hours.closed());
	}

	static Hours withoutException(Hours hours, LocalDate date) {
		InvalidInput.require(hours.exceptions().containsKey(date), "exceptions", date + " has no exception");
		var exceptions = new TreeMap<>(hours.exceptions());
		exceptions.remove(date);
		return new Hours(hours.timeZone(), hours.weekly(), hours.holidays(), exceptions, hours.open(), hours.closed());
	}

	/** The document's own key for the day ({@code monday}, {@code Monday}…), or the usual one if it has none. */
	private static String keyOf(Hours hours, DayOfWeek day) {
		return hours.weekly().keySet().stream()
			.filter(key -> key.strip().toUpperCase(Locale.ROOT).equals(day.name()))
			.findFirst()
			.orElse(day.name().toLowerCase(Locale.ROOT));
	}
}
