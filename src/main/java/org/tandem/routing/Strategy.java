package org.tandem.routing;

/** How a step picks among the agents that passed its filters; ties always fall to a fixed order. */
public enum Strategy {
	/** Highest soft score, then longest idle. */
	BEST_FIT,
	/** Longest idle since their last contact, then highest score. */
	LONGEST_IDLE,
	/** Fewest contacts handled today, then longest idle. */
	FEWEST_CONTACTS_TODAY,
	/** The next agent after the one this step chose last. */
	ROUND_ROBIN
}
