package org.tandem.directory.internal;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.core.UsState;
import org.tandem.directory.Compact;
import org.tandem.directory.CompactOperation;
import org.tandem.directory.CompactTable;

/** The dated table of where each compact is operational, edited as a whole. */
@Repository
class CompactOperations {

	private final JdbcClient jdbc;

	CompactOperations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	CompactTable table() {
		return new CompactTable(jdbc.sql("select * from compact_operations order by compact, state, since")
			.query((rs, row) -> new CompactOperation(Compact.valueOf(rs.getString("compact")),
					UsState.valueOf(rs.getString("state")), rs.getObject("since", LocalDate.class),
					rs.getObject("until", LocalDate.class), rs.getString("note")))
			.list());
	}

	/**
	 * Under read committed, two replacements running at once would each delete only the rows they could
	 * see and both insert theirs, leaving the union; the table lock makes the second wait and then
	 * delete the first one's rows.
	 */
	void replace(CompactTable table) {
		jdbc.sql("lock table compact_operations in exclusive mode").update();
		jdbc.sql("delete from compact_operations").update();
		for (CompactOperation operation : table.operations()) {
			jdbc.sql("""
					insert into compact_operations (compact, state, since, until, note)
					values (:compact, :state, :since, :until, :note)
					""")
				.param("compact", operation.compact().name())
				.param("state", operation.state().name())
				.param("since", operation.since())
				.param("until", operation.until())
				.param("note", operation.note())
				.update();
		}
	}
}
