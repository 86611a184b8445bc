package org.tandem.directory.internal;

import java.time.LocalDate;

import org.tandem.core.UsState;
import org.tandem.directory.Compact;
import org.tandem.directory.CompactOperation;

/** One row of the compact table as the API reads and writes it; the table is a JSON array of these. */
record CompactOperationJson(String compact, String state, LocalDate since, LocalDate until, String note) {

	static CompactOperationJson of(CompactOperation operation) {
		return new CompactOperationJson(operation.compact().name(), operation.state().name(), operation.since(),
				operation.until(), operation.note());
	}

	CompactOperation toOperation(String path) {
		return new CompactOperation(Input.oneOf(Compact.class, compact, path + ".compact"),
				UsState.of(state, path + ".state"), Input.required(since, path + ".since"), until,
				Input.optional(note));
	}
}
