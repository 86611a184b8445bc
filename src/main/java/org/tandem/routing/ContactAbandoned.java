package org.tandem.routing;

import java.time.Duration;
import java.util.UUID;

import org.tandem.core.Channel;

/** The contact left before anyone took it (the caller hung up). */
public record ContactAbandoned(UUID contactId, String queue, Channel channel, Duration waited) {
}
