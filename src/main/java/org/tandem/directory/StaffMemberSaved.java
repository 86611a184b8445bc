package org.tandem.directory;

import java.util.UUID;

/** A staff member was added or changed; whoever caches directory data refreshes it. */
public record StaffMemberSaved(UUID staffId) {
}
