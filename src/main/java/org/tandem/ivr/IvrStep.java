package org.tandem.ivr;

import java.util.List;

/** The state a call moved to and what its runner must do, in order. */
public record IvrStep(IvrState state, List<IvrAction> actions) {

	public IvrStep {
		actions = List.copyOf(actions);
	}
}
