package org.tandem.security.internal;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An API request without a valid sign-in gets a problem saying what to send. A wrong password, an unknown user
 * and a locked or disabled account read alike, so that the answer tells a guesser nothing; a missing second factor
 * is named, since only someone with the right password learns of it.
 */
@Component
class ApiSignInRequired implements AuthenticationEntryPoint {

	private static final String CHALLENGE = "Basic realm=\"Tandem\", charset=\"UTF-8\"";

	private final JsonMapper json;

	ApiSignInRequired(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		ProblemDetail problem;
		if (failure instanceof SecondFactorRefused refused) {
			problem = ProblemDetail.forStatusAndDetail(refused.reason().status(), refused.getMessage());
			problem.setType(URI.create("urn:tandem:problem:second-factor"));
			problem.setProperty("header", ApiSignInDetails.TOTP_HEADER);
		}
		else if (failure instanceof InsufficientAuthenticationException) {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"this request needs HTTP Basic credentials of a Tandem user");
			problem.setType(URI.create("urn:tandem:problem:unauthorized"));
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"the user name or password is wrong, or the account is locked or disabled");
			problem.setType(URI.create("urn:tandem:problem:unauthorized"));
		}
		if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(json.writeValueAsString(problem));
	}
}
