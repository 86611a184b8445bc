package org.tandem.directory;

import java.util.Set;

/**
 * Session fees in whole US dollars. A sliding scale runs from {@code slidingMin} to the standard fee;
 * {@code lowFeeSlots} is how many reduced-fee clients the therapist takes at a time.
 */
public record Fees(int standard, Integer slidingMin, Integer couplesFee, int lowFeeSlots, boolean freeConsult,
		Set<String> insurancePanels) {

	public Fees {
		insurancePanels = Copies.set(insurancePanels);
	}

	/** The lowest fee this therapist could charge for the format (individual or couple). */
	public int lowest(boolean couple) {
		int base = couple && couplesFee != null ? couplesFee : standard;
		return slidingMin != null && lowFeeSlots > 0 ? Math.min(base, slidingMin) : base;
	}
}
