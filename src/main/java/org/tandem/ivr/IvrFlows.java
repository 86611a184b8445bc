package org.tandem.ivr;

import java.util.Optional;

import org.tandem.core.PhoneNumber;

/** What a call runner needs to start a caller's journey on a dialled number. */
public interface IvrFlows {

	Optional<FlowVersion> activeFor(PhoneNumber dialled);

	/**
	 * Saves the next version of the named flow from its YAML or JSON document, checked in full first; a flow
	 * that does not hold is {@link org.tandem.core.InvalidInput} naming the node.
	 */
	FlowVersion save(String name, String document);

	/** The version answers the number from now on, in place of whatever answered it. */
	FlowVersion activate(String name, int version, PhoneNumber number);

	CrisisConfiguration crisis();

	/** The interpreter for a flow version, with today's crisis configuration and the shipped ZIP table. */
	Interpreter interpreter(FlowVersion version);
}
