package org.tandem.routing;

/** An agent's readiness for work, as the routing engine sees it. */
public enum Presence {
	OFFLINE, AVAILABLE, OFFERED, BUSY, WRAP_UP, AWAY
}
