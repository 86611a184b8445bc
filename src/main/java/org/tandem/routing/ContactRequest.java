package org.tandem.routing;

import java.util.Map;
import java.util.UUID;

import org.tandem.core.Channel;
import org.tandem.core.InvalidInput;

/**
 * A contact to route. {@code priority} 0..9 (0 when left out), higher first (crisis contacts are 9). A callback or
 * voicemail that {@code keepsPlaceOf} an earlier contact takes that contact's arrival time, and so its
 * place in line. {@code context} carries what the caller's journey learned, for the agent's screen.
 */
public record ContactRequest(String queue, Channel channel, Integer priority, Needs needs, UUID clientId,
		UUID coupleId, UUID keepsPlaceOf, Map<String, String> context) {

	public ContactRequest {
		InvalidInput.require(queue != null && !queue.isBlank(), "queue", "a queue is required");
		InvalidInput.require(channel != null, "channel", "a channel is required: VOICE, SMS, CHAT, CALLBACK or VOICEMAIL");
		priority = priority == null ? 0 : priority;
		InvalidInput.require(priority >= 0 && priority <= 9, "priority", "priority runs from 0 to 9");
		needs = needs == null ? new Needs(null, null, null, null, null, null, null, null, null, null) : needs;
		context = context == null ? Map.of() : Map.copyOf(context);
	}
}
