package org.tandem.directory;

import java.time.LocalDate;
import java.util.List;

import org.tandem.core.UsState;

/** The admin-edited table of where each compact is operational, as of a given day. */
public record CompactTable(List<CompactOperation> operations) {

	public CompactTable {
		operations = Copies.list(operations);
	}

	public boolean operational(Compact compact, UsState state, LocalDate date) {
		for (CompactOperation operation : operations) {
			if (operation.compact() == compact && operation.state() == state && operation.operationalOn(date)) {
				return true;
			}
		}
		return false;
	}
}
