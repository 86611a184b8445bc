package org.tandem.ivr;

import java.util.Optional;

import org.tandem.core.PhoneNumber;

/** What a call runner needs to start a caller's journey on a dialled number. */
public interface IvrFlows {

	Optional<FlowVersion> activeFor(PhoneNumber dialled);

	CrisisConfiguration crisis();

	/** The interpreter for a flow version, with today's crisis configuration and the shipped ZIP table. */
	Interpreter interpreter(FlowVersion version);
}
