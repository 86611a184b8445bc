package org.tandem.wallboard.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A screen that shows the wallboard through its own link, without anyone signed in.
 *
 * @param createdBy the user who made the link
 * @param lastUsedAt when the link last opened the page or its live figures; null while never used
 */
record WallDisplay(UUID id, String name, String createdBy, Instant createdAt, Instant lastUsedAt) {

	static final int MAX_NAME = 80;
}
