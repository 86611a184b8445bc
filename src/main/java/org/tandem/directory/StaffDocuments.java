package org.tandem.directory;

import java.util.List;
import java.util.UUID;

/**
 * Staff as the API reads and writes them (JSON), for pages that let an administrator edit the very document
 * the API takes, with the same checks. A document that does not hold is {@link org.tandem.core.InvalidInput}
 * naming its JSON path ({@code licenses[0].state}), and nothing is stored.
 */
public interface StaffDocuments {

	/** Everyone, deactivated staff included, by name. */
	List<StaffMember> everyone();

	/** The staff member as {@code GET /api/staff/{id}} shows them, less the id; a {@link org.tandem.core.NotFound} if none. */
	String document(UUID id);

	/** Replaces the staff member as {@code PUT /api/staff/{id}} does: leaving out {@code active} keeps it. */
	StaffMember replace(UUID id, String document);
}
