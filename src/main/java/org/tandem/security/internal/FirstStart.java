package org.tandem.security.internal;

import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.core.Conflict;
import org.tandem.core.InvalidInput;
import org.tandem.security.Audit.Outcome;
import org.tandem.security.NewUser;
import org.tandem.security.Role;
import org.tandem.security.SecurityProperties;
import org.tandem.security.UserAccount;

/**
 * How the first administrator gets in without a default password. With {@code tandem.security.admin-password}
 * set, that administrator is created (or given that password again) before Tandem takes requests. Without it,
 * while nobody can sign in, Tandem logs a one-time setup token that {@code /setup} exchanges for the first
 * administrator account.
 */
@Service
class FirstStart implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	private final SecurityProperties properties;
	private final UserManagement management;
	private final Users users;
	private final SetupTokens tokens;
	private final AuditLog audit;
	private final TransactionTemplate transactions;

	FirstStart(SecurityProperties properties, UserManagement management, Users users, SetupTokens tokens,
			AuditLog audit, TransactionTemplate transactions) {
		this.transactions = transactions;
		this.properties = properties;
		this.management = management;
		this.users = users;
		this.tokens = tokens;
		this.audit = audit;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (properties.adminPassword() != null) {
			management.ensureAdministrator(properties.adminUser(), properties.adminPassword());
		}
	}

	/** Last of the start-up work, so that users the demo creates count. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void offerSetup() {
		if (setupOpen()) {
			String token = tokens.issue();
			log.warn("Nobody can sign in yet. Open /setup and enter this one-time setup token to create the first "
					+ "administrator: {}", token);
		}
	}

	boolean setupOpen() {
		return users.count() == 0;
	}

	/** The token is spent only together with the account it creates: a refused password leaves it usable. */
	UserAccount complete(String token, String username, String password, String confirmation) {
		if (!setupOpen()) {
			throw new Conflict("Tandem is already set up");
		}
		InvalidInput.require(password != null && password.equals(confirmation), "confirmation",
				"the two passwords differ");
		try {
			return transactions.execute(transaction -> {
				if (!tokens.redeem(token)) {
					throw new InvalidInput("token",
							"this setup token is not valid (it works once; the latest start logged a new one)");
				}
				UserAccount admin = management.create(new NewUser(username, password, Set.of(Role.ADMIN), null));
				audit.append("setup", "setup.complete", "user", admin.id().toString(), Outcome.SUCCESS,
						AuditLog.currentAddress(), Map.of("username", admin.username()));
				return admin;
			});
		}
		catch (InvalidInput e) {
			if ("token".equals(e.field())) {
				audit.append("setup", "setup.complete", "user", null, Outcome.DENIED, AuditLog.currentAddress(),
						Map.of("reason", "unknown or used token"));
			}
			throw e;
		}
	}
}
