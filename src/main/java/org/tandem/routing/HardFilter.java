package org.tandem.routing;

/**
 * Filters an agent must pass to be offered a contact. Presence, free capacity on the contact's channel
 * and not having declined this contact are always applied; a step chooses the rest.
 */
public enum HardFilter {
	/** Licensed, or holding an operational compact privilege, where the client is now; not expired. */
	LICENSED,
	/** Speaks the language the contact asked for. */
	LANGUAGE,
	/** Accepting new clients, when the contact is from a new client. */
	ACCEPTING_NEW_CLIENTS,
	/** Within their working hours (their own time zone, less time off) now. */
	AVAILABLE_NOW,
	/** Works with at least one of the populations the contact belongs to (a specialist). */
	SPECIALIST,
	/** Always applied: available, or busy with free capacity, and no offer pending. */
	PRESENCE,
	/** Always applied: has a free slot on the contact's channel. */
	CAPACITY,
	/** Always applied: has not already declined or missed this contact. */
	NOT_DECLINED,
	/** The step's target: own therapist, therapists or front desk. */
	TARGET
}
