package org.tandem.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * A recurring window of working time on one weekday, in the therapist's own time zone.
 * {@code to} of 00:00 means midnight at the end of the day; a window never crosses midnight.
 */
public record WeeklyHours(DayOfWeek day, LocalTime from, LocalTime to) {

	public boolean contains(DayOfWeek day, LocalTime time) {
		return this.day == day && !time.isBefore(from) && (to.equals(LocalTime.MIDNIGHT) || time.isBefore(to));
	}
}
