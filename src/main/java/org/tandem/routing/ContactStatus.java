package org.tandem.routing;

public enum ContactStatus {
	WAITING, OFFERED, ASSIGNED, COMPLETED, ABANDONED;

	public boolean isOpen() {
		return this == WAITING || this == OFFERED || this == ASSIGNED;
	}
}
