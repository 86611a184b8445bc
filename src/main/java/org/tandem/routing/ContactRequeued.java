package org.tandem.routing;

import java.util.UUID;

import org.tandem.core.Channel;

/**
 * A contact an agent took could not be put through to them (their phone did not take the call): it is back
 * in line at its place, for anyone but that agent, and no longer counts as answered.
 */
public record ContactRequeued(UUID contactId, UUID agentId, String queue, Channel channel) {
}
