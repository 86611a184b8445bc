package org.tandem.directory.internal;

import java.time.LocalDate;

import org.tandem.core.UsState;
import org.tandem.directory.License;
import org.tandem.directory.LicenseStatus;
import org.tandem.directory.LicenseType;

record LicenseJson(String state, String type, String number, String status, LocalDate expiresOn) {

	static LicenseJson of(License license) {
		return new LicenseJson(license.state().name(), license.type().name(), license.number(),
				license.status().name(), license.expiresOn());
	}

	License toLicense(String path) {
		return new License(UsState.of(state, path + ".state"), Input.oneOf(LicenseType.class, type, path + ".type"),
				Input.required(Input.optional(number), path + ".number"),
				Input.oneOf(LicenseStatus.class, status, path + ".status"),
				Input.required(expiresOn, path + ".expiresOn"));
	}
}
