package org.tandem.desk.internal;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.tandem.directory.Directory;
import org.tandem.directory.StaffMember;
import org.tandem.security.Role;
import org.tandem.security.UserAccount;
import org.tandem.security.UserAccounts;

/** Finds the agent behind a signed-in user; a user with no staff member behind them has no desktop. */
@Component
class Agents {

	/** Clinical notes: everyone but the front desk (a user who is also a therapist reads their own). */
	private static final Set<Role> NOTE_READERS = Set.of(Role.ADMIN, Role.SUPERVISOR, Role.THERAPIST);

	private final UserAccounts accounts;
	private final Directory directory;

	Agents(UserAccounts accounts, Directory directory) {
		this.accounts = accounts;
		this.directory = directory;
	}

	Optional<Agent> find(Principal principal) {
		if (principal == null) {
			return Optional.empty();
		}
		return accounts.find(principal.getName())
			.filter(UserAccount::enabled)
			.filter(account -> account.staffId() != null)
			.map(account -> new Agent(account.staffId(), account.username(),
					directory.find(account.staffId()).map(StaffMember::name).orElse(account.username()),
					account.roles().stream().anyMatch(NOTE_READERS::contains)));
	}

	Agent require(Principal principal) {
		return find(principal).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
				"Your user is not linked to a staff member, so it cannot take contacts. An administrator can link it."));
	}
}
