package org.tandem.directory;

public enum StaffRole {
	THERAPIST, FRONT_DESK
}
