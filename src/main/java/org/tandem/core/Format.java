package org.tandem.core;

/** How a session takes place. */
public enum Format {
	VIDEO, PHONE, IN_PERSON
}
