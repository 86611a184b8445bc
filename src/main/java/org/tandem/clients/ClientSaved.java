package org.tandem.clients;

import java.util.UUID;

/** A client was added or changed. */
public record ClientSaved(UUID clientId) {
}
