package org.tandem.security.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Someone with the database owner's rights switches the append-only trigger off for one statement, as a real
 * attacker with the owner's credentials could. The embedded database's user owns the table.
 */
final class AuditTampering {

	private AuditTampering() {
	}

	static void tamper(JdbcClient jdbc, String update) {
		jdbc.sql("alter table audit_events disable trigger audit_events_append_only").update();
		try {
			jdbc.sql(update).update();
		}
		finally {
			jdbc.sql("alter table audit_events enable trigger audit_events_append_only").update();
		}
	}
}
