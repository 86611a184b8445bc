package org.tandem.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * An API request's sign-in: besides the HTTP Basic credentials, the authenticator code its user sends in
 * {@value #TOTP_HEADER} (no session carries a second factor from one API request to the next).
 */
class ApiSignInDetails extends WebAuthenticationDetails {

	static final String TOTP_HEADER = "X-Tandem-Totp";

	private final String totpCode;

	ApiSignInDetails(HttpServletRequest request) {
		super(request);
		String code = request.getHeader(TOTP_HEADER);
		this.totpCode = code == null || code.isBlank() ? null : code.strip();
	}

	/** The code as sent, or null when the header is missing or blank. */
	String totpCode() {
		return totpCode;
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
