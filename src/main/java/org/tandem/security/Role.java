package org.tandem.security;

/**
 * What a user may do. A user holds one or more roles; the rules per role sit in one place, the web
 * security configuration, so that they can be read and reviewed together.
 */
public enum Role {

	/** Everything, including users, settings and the audit chain. */
	ADMIN,
	/** Reads everything (the practice manager, a clinical director); changes no configuration. */
	SUPERVISOR,
	/** Contact details and scheduling; never clinical notes. */
	FRONT_DESK,
	/** Only the clients whose own therapist they are. */
	THERAPIST
}
