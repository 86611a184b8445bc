package org.tandem.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What other modules may ask of user accounts. */
public interface UserAccounts {

	Optional<UserAccount> find(String username);

	/** Creates the user and publishes {@link UserCreated}; a taken name is a conflict. */
	UserAccount create(NewUser user);

	/** Every user, by name. */
	List<UserAccount> list();

	/** Replaces the user's roles, audited; the last enabled administrator keeps ADMIN (a conflict otherwise). */
	UserAccount changeRoles(UUID id, Set<Role> roles);

	/** Lets the user sign in again, or no longer, audited; the last enabled administrator stays enabled. */
	UserAccount enable(UUID id, boolean enabled);
}
