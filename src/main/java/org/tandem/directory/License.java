package org.tandem.directory;

import java.time.LocalDate;

import org.tandem.core.UsState;

/** A license issued by one state's board; it permits practice there while active and unexpired. */
public record License(UsState state, LicenseType type, String number, LicenseStatus status, LocalDate expiresOn) {

	public boolean validOn(LocalDate date) {
		return status == LicenseStatus.ACTIVE && !date.isAfter(expiresOn);
	}
}
