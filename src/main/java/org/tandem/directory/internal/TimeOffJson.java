package org.tandem.directory.internal;

import java.time.Instant;

import org.tandem.directory.TimeOff;

record TimeOffJson(Instant from, Instant to, String reason) {

	static TimeOffJson of(TimeOff off) {
		return new TimeOffJson(off.from(), off.to(), off.reason());
	}

	TimeOff toTimeOff(String path) {
		return new TimeOff(Input.required(from, path + ".from"), Input.required(to, path + ".to"),
				Input.optional(reason));
	}
}
