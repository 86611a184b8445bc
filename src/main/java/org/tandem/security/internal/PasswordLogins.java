package org.tandem.security.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in for the login form and HTTP Basic alike, with lockout and per-address throttling
 * in front of it and every refusal audited. On the API the second factor comes with the same request
 * ({@link ApiSecondFactor}); in the browser it is the next step ({@link SecondFactorStep}).
 */
class PasswordLogins implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;
	private final LoginAttempts attempts;
	private final ApiSecondFactor secondFactor;

	PasswordLogins(AccountDetails accounts, PasswordEncoder encoder, LoginAttempts attempts,
			ApiSecondFactor secondFactor) {
		this.passwords = new DaoAuthenticationProvider(accounts::loadUserByUsername);
		this.passwords.setPasswordEncoder(encoder);
		this.attempts = attempts;
		this.secondFactor = secondFactor;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = Names.attempted(authentication.getName());
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		if (attempts.addressThrottled(address)) {
			attempts.refused(username, address, "address-throttled");
			throw new LockedException("too many failed sign-ins from this address");
		}
		if (attempts.unknownNameLocked(username)) {
			attempts.refused(username, address, "locked");
			throw new LockedException("too many failed sign-ins");
		}
		var normalized = UsernamePasswordAuthenticationToken.unauthenticated(username, authentication.getCredentials());
		normalized.setDetails(authentication.getDetails());
		Authentication result = password(normalized, username, address);
		if (result.getPrincipal() instanceof SignedInUser user) {
			boolean api = authentication.getDetails() instanceof ApiSignInDetails;
			if (authentication.getDetails() instanceof ApiSignInDetails details) {
				secondFactor.check(user, details.totpCode(), address);
			}
			// Not before a second factor it still owes: a right password must not wipe out its wrong codes.
			if (user.recentFailures() && (api || !user.secondFactor())) {
				attempts.forgive(user.userId());
			}
		}
		return result;
	}

	private Authentication password(Authentication normalized, String username, String address) {
		try {
			return passwords.authenticate(normalized);
		}
		catch (LockedException e) {
			attempts.refused(username, address, "locked");
			throw e;
		}
		catch (DisabledException e) {
			attempts.refused(username, address, "disabled");
			throw e;
		}
		catch (BadCredentialsException e) {
			if (attempts.failed(username, address, "bad-password")) {
				throw new LockedException("too many failed sign-ins", e);
			}
			throw e;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
