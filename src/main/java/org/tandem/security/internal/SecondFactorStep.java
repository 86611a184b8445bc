package org.tandem.security.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.tandem.security.Role;
import org.tandem.security.SecurityProperties;

/**
 * After a correct password in the login form: a user with an authenticator is not signed in yet but asked for
 * a code; an administrator without one (when they are required) is signed in only to enrol; anyone else is in.
 */
@Component
class SecondFactorStep implements AuthenticationSuccessHandler {

	static final Duration CODE_TIME = Duration.ofMinutes(5);

	private final Users users;
	private final AccountDetails accounts;
	private final LoginAttempts attempts;
	private final SecurityProperties properties;
	private final Clock clock;

	SecondFactorStep(Users users, AccountDetails accounts, LoginAttempts attempts, SecurityProperties properties,
			Clock clock) {
		this.users = users;
		this.accounts = accounts;
		this.attempts = attempts;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		var principal = (SignedInUser) authentication.getPrincipal();
		StoredUser user = users.find(principal.userId()).orElseThrow();
		String address = request.getRemoteAddr();
		if (user.totpConfirmed()) {
			SignIn.out(request, response);
			request.getSession().setAttribute(PendingSecondFactor.ATTRIBUTE,
					new PendingSecondFactor(user.id(), user.username(), clock.instant().plus(CODE_TIME)));
			response.sendRedirect(request.getContextPath() + "/login/totp");
			return;
		}
		if (properties.requireAdminTotp() && user.has(Role.ADMIN)) {
			SignIn.as(accounts.enrolmentOnly(user), request, response);
			attempts.succeeded(user, address, "password (second factor to enrol)");
			response.sendRedirect(request.getContextPath() + "/account/totp");
			return;
		}
		attempts.succeeded(user, address, "password");
		response.sendRedirect(request.getContextPath() + "/");
	}
}
