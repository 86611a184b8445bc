package org.tandem.directory.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;

import org.tandem.directory.WeeklyHours;

record WeeklyHoursJson(String day, LocalTime from, LocalTime to) {

	static WeeklyHoursJson of(WeeklyHours hours) {
		return new WeeklyHoursJson(hours.day().name(), hours.from(), hours.to());
	}

	WeeklyHours toWeeklyHours(String path) {
		return new WeeklyHours(Input.oneOf(DayOfWeek.class, day, path + ".day"), Input.required(from, path + ".from"),
				Input.required(to, path + ".to"));
	}
}
