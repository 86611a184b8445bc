package org.tandem.admin.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tandem.ivr.FlowNode.Hours;

/**
 * One hours node as the hours page shows it: the week, the holidays and exceptions still to come (past ones
 * apart), whether callers find the practice open at this moment on its own clock, and the values in its forms.
 */
record HoursView(String anchor, String flow, int version, List<String> numbers, String node, String timeZone,
		List<Zone> zones, List<Day> week, boolean openNow, String localNow, List<Dated> holidays,
		List<Dated> pastHolidays, List<Dated> exceptions, List<Dated> pastExceptions, Form form, HoursFault fault) {

	/** The zones of the United States a practice is most likely in; any other zone a flow has is offered too. */
	static final Map<String, String> COMMON_ZONES = zones("America/New_York", "Eastern", "America/Chicago", "Central",
			"America/Denver", "Mountain", "America/Phoenix", "Arizona", "America/Los_Angeles", "Pacific",
			"America/Anchorage", "Alaska", "Pacific/Honolulu", "Hawaii", "America/Puerto_Rico", "Puerto Rico");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);
	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a 'on' EEEE", Locale.US);

	record Zone(String id, String label) {
	}

	/** A day of the week: its name, its spans as the document has them, "" when closed. */
	record Day(String key, String name, String spans) {
	}

	/** A holiday or exception: the date, written out, and what the practice keeps that day. */
	record Dated(LocalDate date, String label, String hours) {
	}

	/** What the node's forms hold: the node's own values, or what was sent when a change was refused. */
	record Form(String timeZone, Map<String, String> days, String holidayDate, String exceptionDate,
			String exceptionSpans) {

		static Form of(Hours hours) {
			var days = new LinkedHashMap<String, String>();
			for (DayOfWeek day : DayOfWeek.values()) {
				days.put(key(day), HoursEdits.text(HoursEdits.spansOn(hours, day)));
			}
			return new Form(hours.timeZone(), days, "", "", "");
		}

		Form withWeek(String timeZone, Map<String, String> days) {
			return new Form(timeZone, days, holidayDate, exceptionDate, exceptionSpans);
		}

		Form withHoliday(String date) {
			return new Form(timeZone, days, date, exceptionDate, exceptionSpans);
		}

		Form withException(String date, String spans) {
			return new Form(timeZone, days, holidayDate, date, spans);
		}
	}

	static HoursView of(PracticeHours.ActiveHours active, Instant now) {
		var hours = active.hours();
		var zone = ZoneId.of(hours.timeZone());
		LocalDate today = now.atZone(zone).toLocalDate();
		var week = new ArrayList<Day>();
		for (DayOfWeek day : DayOfWeek.values()) {
			week.add(new Day(key(day), day.getDisplayName(TextStyle.FULL, Locale.US),
					HoursEdits.text(HoursEdits.spansOn(hours, day))));
		}
		var holidays = new ArrayList<Dated>();
		var pastHolidays = new ArrayList<Dated>();
		hours.holidays().stream().sorted().forEach(date -> (date.isBefore(today) ? pastHolidays : holidays)
			.add(new Dated(date, DAY.format(date), "Closed all day")));
		var exceptions = new ArrayList<Dated>();
		var pastExceptions = new ArrayList<Dated>();
		hours.exceptions().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
			var date = entry.getKey();
			String kept = entry.getValue().isEmpty() ? "Closed all day" : "Open " + HoursEdits.text(entry.getValue());
			(date.isBefore(today) ? pastExceptions : exceptions).add(new Dated(date, DAY.format(date), kept));
		});
		var version = active.version();
		return new HoursView(anchor(version.name(), active.node()), version.name(), version.version(), version.activeOn(),
				active.node(), hours.timeZone(), zonesWith(hours.timeZone()), week, hours.isOpenAt(now),
				CLOCK.format(now.atZone(zone)), holidays, pastHolidays, exceptions, pastExceptions, Form.of(hours), null);
	}

	/** The id of the node's section on the page, which a saved change returns to. */
	static String anchor(String flow, String node) {
		return "hours-" + (flow + "-" + node).replaceAll("[^A-Za-z0-9_-]", "-");
	}

	boolean is(String flow, int version, String node) {
		return this.flow.equals(flow) && this.version == version && this.node.equals(node);
	}

	HoursView refused(Form form, HoursFault fault) {
		return new HoursView(anchor, flow, version, numbers, node, timeZone, zones, week, openNow, localNow, holidays,
				pastHolidays, exceptions, pastExceptions, form, fault);
	}

	HoursView withAnchor(String anchor) {
		return new HoursView(anchor, flow, version, numbers, node, timeZone, zones, week, openNow, localNow, holidays,
				pastHolidays, exceptions, pastExceptions, form, fault);
	}

	/** Whether the refused change is to be shown next to the control {@code control}. */
	public boolean faultAt(String control) {
		return fault != null && fault.control().equals(control);
	}

	public String zoneName() {
		return COMMON_ZONES.getOrDefault(timeZone, timeZone);
	}

	static String key(DayOfWeek day) {
		return day.name().toLowerCase(Locale.ROOT);
	}

	private static List<Zone> zonesWith(String current) {
		var zones = new ArrayList<Zone>();
		if (!COMMON_ZONES.containsKey(current)) {
			zones.add(new Zone(current, current));
		}
		COMMON_ZONES.forEach((id, name) -> zones.add(new Zone(id, name + " (" + id + ")")));
		return zones;
	}

	private static Map<String, String> zones(String... idsAndNames) {
		var zones = new LinkedHashMap<String, String>();
		for (int i = 0; i < idsAndNames.length; i += 2) {
			zones.put(idsAndNames[i], idsAndNames[i + 1]);
		}
		return Collections.unmodifiableMap(zones);
	}
}
