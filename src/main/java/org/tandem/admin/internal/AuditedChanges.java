package org.tandem.admin.internal;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.core.Conflict;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;
import org.tandem.security.Audit;
import org.tandem.security.Audit.Outcome;

/**
 * Runs a change made on an admin page and writes its audit entry in the same transaction, as the API does for
 * its own routes, so that a change is never stored without its entry. A refused change is audited too.
 */
@Component
class AuditedChanges {

	private static final Map<String, String> FROM_PAGE = Map.of("via", "admin page");

	private final TransactionTemplate transaction;
	private final Audit audit;

	AuditedChanges(TransactionTemplate transaction, Audit audit) {
		this.transaction = transaction;
		this.audit = audit;
	}

	<T> T run(String action, String targetType, String targetId, Supplier<T> change) {
		try {
			return transaction.execute(status -> {
				T result = change.get();
				audit.record(action, targetType, targetId, Outcome.SUCCESS, FROM_PAGE);
				return result;
			});
		}
		catch (InvalidInput | Conflict | NotFound e) {
			audit.record(action, targetType, targetId, Outcome.FAILURE, Map.of("via", "admin page", "reason",
					e instanceof InvalidInput invalid && invalid.field() != null ? invalid.field() : e.getClass().getSimpleName()));
			throw e;
		}
	}
}
