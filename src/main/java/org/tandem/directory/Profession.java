package org.tandem.directory;

import java.util.Optional;

/** The licensed profession, which decides the compact (if any) a therapist may use. */
public enum Profession {
	MARRIAGE_AND_FAMILY_THERAPIST(null),
	PROFESSIONAL_COUNSELOR(Compact.COUNSELING_COMPACT),
	CLINICAL_SOCIAL_WORKER(Compact.SOCIAL_WORK_COMPACT),
	PSYCHOLOGIST(Compact.PSYPACT);

	private final Compact compact;

	Profession(Compact compact) {
		this.compact = compact;
	}

	public Optional<Compact> compact() {
		return Optional.ofNullable(compact);
	}
}
