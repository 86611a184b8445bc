package org.tandem.admin.internal;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A refused change to an hours node, placed next to the control it is about: {@code ivr} names the property in
 * the flow ({@code nodes.office-hours.weekly.monday[0]}), the page names the control in words ("Monday").
 * A fault that is about no control of the form has an empty control and is shown above the forms.
 */
record HoursFault(String control, String label, String message) {

	static HoursFault of(Problem problem, String node) {
		String field = problem.field() == null ? "" : problem.field();
		String prefix = "nodes." + node + ".";
		String property = field.startsWith(prefix) ? field.substring(prefix.length()) : field;
		if (property.equals("timeZone")) {
			return new HoursFault("timeZone", "Time zone", problem.message());
		}
		if (property.startsWith("weekly.")) {
			var day = day(property.substring("weekly.".length()).replaceFirst("\\[\\d+]$", ""));
			if (day != null) {
				return new HoursFault("weekly." + HoursView.key(day),
						day.getDisplayName(TextStyle.FULL, Locale.US), problem.message());
			}
		}
		if (property.startsWith("holidays")) {
			return new HoursFault("holidays", "Holiday", problem.message());
		}
		if (property.startsWith("exceptions")) {
			return new HoursFault("exceptions", "Exception", problem.message());
		}
		return new HoursFault("", field.isEmpty() ? null : field, problem.message());
	}

	private static DayOfWeek day(String name) {
		try {
			return DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
