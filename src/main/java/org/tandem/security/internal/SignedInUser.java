package org.tandem.security.internal;

import java.util.Collection;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The principal of a signed-in user: Spring Security's user plus who they are in Tandem. */
class SignedInUser extends User {

	private final UUID userId;
	private final UUID staffId;
	private final boolean recentFailures;
	private final boolean secondFactor;

	SignedInUser(StoredUser user, boolean locked, Collection<? extends GrantedAuthority> authorities) {
		super(user.username(), user.passwordHash(), user.enabled(), true, true, !locked, authorities);
		this.userId = user.id();
		this.staffId = user.staffId();
		this.recentFailures = user.failedLogins() > 0;
		this.secondFactor = user.totpConfirmed();
	}

	/** Whether a confirmed authenticator must give a code after the password. */
	boolean secondFactor() {
		return secondFactor;
	}

	/** Whether failed sign-ins are counted against this user, to be forgiven by a successful one. */
	boolean recentFailures() {
		return recentFailures;
	}

	UUID userId() {
		return userId;
	}

	/** The directory staff member this user is; null for a pure administrator. */
	UUID staffId() {
		return staffId;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}
}
