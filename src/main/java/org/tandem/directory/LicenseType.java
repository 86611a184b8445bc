package org.tandem.directory;

/** License titles as states issue them, each belonging to one profession. */
public enum LicenseType {
	LMFT(Profession.MARRIAGE_AND_FAMILY_THERAPIST),
	LPC(Profession.PROFESSIONAL_COUNSELOR),
	LPCC(Profession.PROFESSIONAL_COUNSELOR),
	LMHC(Profession.PROFESSIONAL_COUNSELOR),
	LCPC(Profession.PROFESSIONAL_COUNSELOR),
	LCSW(Profession.CLINICAL_SOCIAL_WORKER),
	LICSW(Profession.CLINICAL_SOCIAL_WORKER),
	PSYCHOLOGIST(Profession.PSYCHOLOGIST);

	private final Profession profession;

	LicenseType(Profession profession) {
		this.profession = profession;
	}

	public Profession profession() {
		return profession;
	}
}
