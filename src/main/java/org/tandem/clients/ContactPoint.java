package org.tandem.clients;

import java.util.Objects;

import org.tandem.core.PhoneNumber;

/**
 * A phone number of one person, with what that person said is safe: a call, a text, a voicemail that
 * names the practice. Partners never share these flags.
 *
 * @param label how the person calls this number (home, work, cell), may be null
 */
public record ContactPoint(PhoneNumber phone, String label, boolean okToCall, boolean okToText,
		boolean okToLeaveDetailedVoicemail) {

	public ContactPoint {
		Objects.requireNonNull(phone, "phone");
		label = Values.text(label);
	}
}
