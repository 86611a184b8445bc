package org.tandem.directory;

public enum LicenseStatus {
	ACTIVE, INACTIVE, SUSPENDED, REVOKED
}
