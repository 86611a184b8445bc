package org.tandem.clients;

import org.tandem.core.PhoneNumber;

/**
 * A phone number of one person, with what that person said is safe: a call, a text, a voicemail that
 * names the practice. Partners never share these flags.
 */
public record ContactPoint(PhoneNumber phone, String label, boolean okToCall, boolean okToText,
		boolean okToLeaveDetailedVoicemail) {
}
