package org.tandem.core;

/** A thing named by id does not exist (404 at the HTTP edge). */
public class NotFound extends RuntimeException {

	public NotFound(String what, Object id) {
		super(what + " " + id + " does not exist");
	}
}
