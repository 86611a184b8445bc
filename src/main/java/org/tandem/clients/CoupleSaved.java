package org.tandem.clients;

import java.util.UUID;

/** A couple case was opened, changed or closed. */
public record CoupleSaved(UUID coupleId) {
}
