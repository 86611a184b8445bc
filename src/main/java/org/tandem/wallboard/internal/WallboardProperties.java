package org.tandem.wallboard.internal;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param serviceLevelSeconds the threshold the service level counts against ("80 % in 20 s")
 * @param timeZone the practice's time zone, whose midnight starts the wallboard's day
 */
@ConfigurationProperties("tandem.wallboard")
public record WallboardProperties(Integer serviceLevelSeconds, String timeZone) {

	public WallboardProperties {
		serviceLevelSeconds = serviceLevelSeconds == null ? 20 : serviceLevelSeconds;
		timeZone = timeZone == null || timeZone.isBlank() ? "America/Chicago" : timeZone.trim();
		if (serviceLevelSeconds < 1 || serviceLevelSeconds > 3600) {
			throw new IllegalStateException("tandem.wallboard.service-level-seconds must be between 1 and 3600, not "
					+ serviceLevelSeconds);
		}
		try {
			ZoneId.of(timeZone);
		}
		catch (DateTimeException e) {
			throw new IllegalStateException("tandem.wallboard.time-zone must be a time zone such as America/Chicago, not '"
					+ timeZone + "'", e);
		}
	}

	ZoneId zone() {
		return ZoneId.of(timeZone);
	}
}
