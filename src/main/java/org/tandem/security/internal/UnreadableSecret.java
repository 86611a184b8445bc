package org.tandem.security.internal;

/** A stored secret that does not decrypt with the configured key (a changed or lost key, or a damaged value). */
class UnreadableSecret extends RuntimeException {

	UnreadableSecret(String message, Throwable cause) {
		super(message, cause);
	}
}
