package org.tandem.core;

/**
 * A request that is well formed but not allowed in the current state, such as accepting an offer
 * that already timed out (409 at the HTTP edge).
 */
public class Conflict extends RuntimeException {

	public Conflict(String message) {
		super(message);
	}
}
