package org.tandem.ivr.internal;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;

import org.tandem.clients.ClientRecords;
import org.tandem.ivr.IvrFlows;
import org.tandem.routing.Routing;
import org.tandem.voice.Calls;

/** What a journey works with; one set shared by every call. */
record CallServices(IvrFlows flows, Calls calls, Routing routing, ClientRecords clients, PromptFiles prompts, CallRecords records,
		WaitEstimates waits, IvrProperties properties, Clock clock, ScheduledExecutorService timers,
		BiConsumer<Journey, UUID> listener) {

	/** Routing's news about the contact reaches the journey from now on. */
	void listen(Journey journey, UUID contactId) {
		listener.accept(journey, contactId);
	}
}
