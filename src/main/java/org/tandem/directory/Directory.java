package org.tandem.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of the directory. */
public interface Directory {

	List<StaffMember> staff();

	Optional<StaffMember> find(UUID id);

	CompactTable compactTable();
}
