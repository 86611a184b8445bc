package org.tandem.ivr;

import java.time.Instant;
import java.util.List;

/** One saved version of a named flow, and the dialled numbers it currently answers. */
public record FlowVersion(String name, int version, Instant savedAt, List<String> activeOn, Flow flow) {

	public FlowVersion {
		activeOn = activeOn == null ? List.of() : List.copyOf(activeOn);
	}
}
