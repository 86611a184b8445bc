package org.tandem.directory;

import java.time.LocalDate;

import org.tandem.core.UsState;

/**
 * One row of the dated table of where a compact is operational: privileges granted under it are
 * honoured in {@code state} from {@code since} until {@code until} (open-ended when null).
 */
public record CompactOperation(Compact compact, UsState state, LocalDate since, LocalDate until, String note) {

	public boolean operationalOn(LocalDate date) {
		return !date.isBefore(since) && (until == null || !date.isAfter(until));
	}
}
