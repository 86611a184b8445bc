package org.tandem.voice;

/** The destination of {@link Calls#ring} was not reached; the caller is still on the line. */
public record RingFailed(String callId, Destination destination, Reason reason) {

	public enum Reason {
		/** The staff member has no phone registered now. */
		NOT_REGISTERED,
		/** 486 or 600: busy. */
		BUSY,
		/** 603, or another final refusal from the phone. */
		DECLINED,
		/** The timeout of {@link Calls#ring} passed. */
		NO_ANSWER,
		/** The phone or trunk could not be reached, or answered with an error. */
		UNREACHABLE
	}
}
