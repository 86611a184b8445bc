package org.tandem.security.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Users as Spring Security loads them: roles become {@code ROLE_*} authorities, a lockout a locked account.
 * Deliberately not a {@link org.springframework.security.core.userdetails.UserDetailsService} bean: every
 * password check goes through {@link PasswordLogins}, which counts failures.
 */
@Service
class AccountDetails {

	private final Users users;
	private final Clock clock;

	AccountDetails(Users users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	UserDetails loadUserByUsername(String username) {
		return users.find(Names.normalize(username)).map(this::principal)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

	SignedInUser principal(StoredUser user) {
		var authorities = user.roles().stream().sorted().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
		return new SignedInUser(user, user.lockedAt(clock.instant()), authorities);
	}

	/** A user who still has to enrol a second factor may reach only the enrolment page. */
	SignedInUser enrolmentOnly(StoredUser user) {
		return new SignedInUser(user, false, List.of(new SimpleGrantedAuthority(WebSecurityConfiguration.ENROL_TOTP)));
	}
}
