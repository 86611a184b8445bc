package org.tandem.routing;

public enum ContactStatus {
	WAITING, OFFERED, ASSIGNED, COMPLETED, ABANDONED,

	/**
	 * Left the queue for another way to reach the practice (a callback that keeps the caller's place, a
	 * voicemail): neither answered nor abandoned, and counted with whatever contact it became.
	 */
	DIVERTED;

	public boolean isOpen() {
		return this == WAITING || this == OFFERED || this == ASSIGNED;
	}
}
