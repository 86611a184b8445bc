package org.tandem.directory;

/**
 * Adding staff from inside the application (the demo practice, later an import), with the same checks
 * and events as the API. The id is kept as given; an id already taken is a {@link org.tandem.core.Conflict}.
 */
public interface StaffRegistration {

	StaffMember add(StaffMember member);

	/** The person leaves routing at once; their record stays for continuity and history. */
	void deactivate(java.util.UUID id);
}
