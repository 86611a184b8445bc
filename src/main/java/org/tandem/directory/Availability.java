package org.tandem.directory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** When a person works: weekly hours in their own time zone, less time off. */
public record Availability(ZoneId zone, List<WeeklyHours> weekly, List<TimeOff> timeOff) {

	public Availability {
		weekly = Copies.list(weekly);
		timeOff = Copies.list(timeOff);
	}

	public boolean availableAt(Instant instant) {
		for (TimeOff off : timeOff) {
			if (off.covers(instant)) {
				return false;
			}
		}
		ZonedDateTime local = instant.atZone(zone);
		for (WeeklyHours hours : weekly) {
			if (hours.contains(local.getDayOfWeek(), local.toLocalTime())) {
				return true;
			}
		}
		return false;
	}
}
