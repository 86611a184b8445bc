package org.tandem.ivr;

import org.tandem.core.Conflict;

/** An input the call cannot be waiting for in its state, such as a lookup answer nobody asked for. */
public class IllegalMove extends Conflict {

	public IllegalMove(IvrState state, IvrInput input) {
		super("a call at " + state.node() + " (" + state.phase() + ") cannot take " + input);
	}
}
