package org.tandem.security;

import java.util.Optional;

/** What other modules may ask of user accounts. */
public interface UserAccounts {

	Optional<UserAccount> find(String username);

	/** Creates the user and publishes {@link UserCreated}; a taken name is a conflict. */
	UserAccount create(NewUser user);
}
