package org.tandem.directory;

/**
 * Interstate licensure compacts. Marriage and family therapists have none: they need a full license
 * in every state where a client sits.
 */
public enum Compact {
	/** Psychologists: E.Passport with APIT for telepsychology in every participating state. */
	PSYPACT,
	/** Professional counselors: a privilege to practice, issued per remote state. */
	COUNSELING_COMPACT,
	/** Clinical social workers: a multistate license. */
	SOCIAL_WORK_COMPACT
}
