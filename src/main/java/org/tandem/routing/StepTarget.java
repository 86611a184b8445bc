package org.tandem.routing;

/** Whom a routing step looks at. */
public enum StepTarget {
	/** Only the client's (or couple's) own therapist. */
	OWN_THERAPIST,
	/** Any therapist passing the step's filters. */
	THERAPISTS,
	/** Front-desk staff. */
	FRONT_DESK
}
