package org.tandem.voice;

import java.util.UUID;

import org.tandem.core.PhoneNumber;

/** Where {@link Calls#ring} rings: a staff member's registered SIP phone, or a number through the trunk. */
public sealed interface Destination {

	record Phone(UUID staffId) implements Destination {
	}

	record Number(PhoneNumber number) implements Destination {
	}
}
