package org.tandem.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of the directory. */
public interface Directory {

	/** The people who work here now, by name; deactivated staff are left out so that nobody routes to them. */
	List<StaffMember> staff();

	/** Anyone who ever worked here, deactivated or not, since clients keep a link to their past therapist. */
	Optional<StaffMember> find(UUID id);

	/** Where each compact is operational, as an administrator last dated it. */
	CompactTable compactTable();
}
