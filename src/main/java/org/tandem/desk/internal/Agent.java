package org.tandem.desk.internal;

import java.util.UUID;

/**
 * The signed-in user as the desktop sees them: routing knows agents by their staff id, and whether they may
 * read and write clinical notes follows the practice's rule that the front desk never does.
 */
record Agent(UUID staffId, String username, String name, boolean readsNotes) {
}
