package org.tandem.ivr;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tandem.core.InvalidInput;

/** An hours node read into times; a wrong value is {@link InvalidInput} on its property within the node. */
final class OpeningHours {

	private record Span(LocalTime from, LocalTime to) {

		boolean contains(LocalTime time) {
			return !time.isBefore(from) && time.isBefore(to);
		}
	}

	private final ZoneId zone;
	private final Map<DayOfWeek, List<Span>> weekly;
	private final Set<LocalDate> holidays;
	private final Map<LocalDate, List<Span>> exceptions;

	private OpeningHours(ZoneId zone, Map<DayOfWeek, List<Span>> weekly, Set<LocalDate> holidays,
			Map<LocalDate, List<Span>> exceptions) {
		this.zone = zone;
		this.weekly = weekly;
		this.holidays = holidays;
		this.exceptions = exceptions;
	}

	static OpeningHours of(FlowNode.Hours hours) {
		var weekly = new EnumMap<DayOfWeek, List<Span>>(DayOfWeek.class);
		hours.weekly().forEach((day, spans) -> weekly.put(day(day), spans(spans, "weekly." + day)));
		var exceptions = new HashMap<LocalDate, List<Span>>();
		hours.exceptions().forEach((date, spans) -> exceptions.put(date, spans(spans, "exceptions." + date)));
		return new OpeningHours(zone(hours.timeZone()), weekly, Set.copyOf(hours.holidays()), exceptions);
	}

	boolean isOpenAt(Instant at) {
		var local = at.atZone(zone);
		var date = local.toLocalDate();
		if (holidays.contains(date)) {
			return false;
		}
		var spans = exceptions.containsKey(date) ? exceptions.get(date) : weekly.getOrDefault(date.getDayOfWeek(), List.of());
		return spans.stream().anyMatch(span -> span.contains(local.toLocalTime()));
	}

	private static ZoneId zone(String id) {
		InvalidInput.require(id != null && !id.isBlank(), "timeZone", "a time zone is required, e.g. America/Chicago");
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException e) {
			throw new InvalidInput("timeZone", "'" + id + "' is not a time zone (e.g. America/Chicago)");
		}
	}

	private static DayOfWeek day(String name) {
		try {
			return DayOfWeek.valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInput("weekly." + name, "'" + name + "' is not a day of the week (monday … sunday)");
		}
	}

	private static List<Span> spans(List<String> texts, String field) {
		var spans = new ArrayList<Span>();
		for (int i = 0; texts != null && i < texts.size(); i++) {
			spans.add(span(texts.get(i), field + "[" + i + "]"));
		}
		return spans;
	}

	private static Span span(String text, String field) {
		String[] ends = text == null ? new String[0] : text.split("-");
		InvalidInput.require(ends.length == 2, field, "'" + text + "' is not a span of time like 09:00-17:00");
		try {
			var span = new Span(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim()));
			InvalidInput.require(span.from().isBefore(span.to()), field, "'" + text + "' ends before it begins");
			return span;
		}
		catch (DateTimeParseException e) {
			throw new InvalidInput(field, "'" + text + "' is not a span of time like 09:00-17:00");
		}
	}
}
