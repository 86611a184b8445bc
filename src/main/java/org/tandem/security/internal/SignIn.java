package org.tandem.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/** Puts a signed-in user into the browser session, or takes them out, outside the login form's own filter. */
final class SignIn {

	private static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

	private SignIn() {
	}

	/** A new session id too: whoever knew the id from before this step learns nothing useful. */
	static void as(SignedInUser principal, HttpServletRequest request, HttpServletResponse response) {
		request.getSession();
		request.changeSessionId();
		var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
		authentication.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		SESSIONS.saveContext(context, request, response);
	}

	static void out(HttpServletRequest request, HttpServletResponse response) {
		SecurityContextHolder.clearContext();
		SESSIONS.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
	}
}
