package org.tandem.routing;

import java.time.Duration;
import java.util.UUID;

import org.tandem.core.Channel;

/** The contact left its queue for a callback or a voicemail, after waiting this long. */
public record ContactDiverted(UUID contactId, String queue, Channel channel, Duration waited) {
}
