package org.tandem.directory.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.tandem.core.InvalidInput;
import org.tandem.directory.Availability;

record AvailabilityJson(String zone, List<WeeklyHoursJson> weekly, List<TimeOffJson> timeOff) {

	static AvailabilityJson of(Availability availability) {
		return new AvailabilityJson(availability.zone().getId(),
				availability.weekly().stream().map(WeeklyHoursJson::of).toList(),
				availability.timeOff().stream().map(TimeOffJson::of).toList());
	}

	Availability toAvailability(String path) {
		return new Availability(parsedZone(path + ".zone"),
				Input.each(weekly, path + ".weekly", WeeklyHoursJson::toWeeklyHours),
				Input.each(timeOff, path + ".timeOff", TimeOffJson::toTimeOff));
	}

	/**
	 * Only a region will do: a fixed offset such as {@code -05:00} is right half the year and an hour off
	 * the other half, when daylight saving time moves the therapist's evening hours.
	 */
	private ZoneId parsedZone(String field) {
		String id = Input.required(Input.optional(zone), field);
		ZoneId parsed;
		try {
			parsed = ZoneId.of(id);
		}
		catch (DateTimeException e) {
			throw new InvalidInput(field, "'" + zone + "' is not a time zone (e.g. America/Chicago)");
		}
		if (parsed.normalized() instanceof ZoneOffset) {
			throw new InvalidInput(field, "'" + zone + "' is a fixed offset; name a place such as America/Chicago "
					+ "so that daylight saving time is followed");
		}
		return parsed;
	}
}
