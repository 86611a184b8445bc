package org.tandem.directory.internal;

import java.util.List;

import org.tandem.directory.Fees;

record FeesJson(Integer standard, Integer slidingMin, Integer couplesFee, Integer lowFeeSlots, Boolean freeConsult,
		List<String> insurancePanels) {

	static FeesJson of(Fees fees) {
		return new FeesJson(fees.standard(), fees.slidingMin(), fees.couplesFee(), fees.lowFeeSlots(),
				fees.freeConsult(), Output.sorted(fees.insurancePanels()));
	}

	/** Insurance panels are tags too, so that "Blue Shield" typed twice matches once. */
	Fees toFees(String path) {
		return new Fees(Input.required(standard, path + ".standard"), slidingMin, couplesFee,
				lowFeeSlots == null ? 0 : lowFeeSlots, Boolean.TRUE.equals(freeConsult),
				Input.tags(insurancePanels, path + ".insurancePanels"));
	}
}
