package org.tandem.directory;

/** How sure the practice is that a therapist practises a modality. */
public enum Verification {
	CERTIFIED, TRAINED, SELF_REPORTED
}
