package org.tandem.directory.internal;

import static org.tandem.core.InvalidInput.require;

import org.tandem.directory.CompactOperation;
import org.tandem.directory.CompactTable;

/** Rows of the compact table, named by their index in the array the administrator sent. */
final class CompactTableRules {

	private CompactTableRules() {
	}

	static void check(CompactTable table) {
		for (int i = 0; i < table.operations().size(); i++) {
			CompactOperation operation = table.operations().get(i);
			String path = "[" + i + "]";
			require(operation.compact() != null, path + ".compact", "a compact is required");
			require(operation.state() != null, path + ".state", "a US state code is required");
			require(operation.since() != null, path + ".since", "the date it became operational is required");
			require(operation.until() == null || !operation.until().isBefore(operation.since()), path + ".until",
					"it cannot stop (" + operation.until() + ") before it starts (" + operation.since() + ")");
		}
	}
}
