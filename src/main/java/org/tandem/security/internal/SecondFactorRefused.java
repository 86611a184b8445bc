package org.tandem.security.internal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/** An API request with the right password but no acceptable second factor; the message says what is missing. */
class SecondFactorRefused extends AuthenticationException {

	private final Reason reason;

	SecondFactorRefused(Reason reason) {
		super(reason.detail);
		this.reason = reason;
	}

	Reason reason() {
		return reason;
	}

	enum Reason {

		MISSING(HttpStatus.UNAUTHORIZED, "totp-missing", "this account needs its authenticator code in "
				+ ApiSignInDetails.TOTP_HEADER + ": send the current 6-digit code with the HTTP Basic credentials"),
		WRONG(HttpStatus.UNAUTHORIZED, "bad-code", "the code in " + ApiSignInDetails.TOTP_HEADER
				+ " is not the current one or was already used; each code works once, so wait for the next one"),
		NOT_ENROLLED(HttpStatus.FORBIDDEN, "totp-not-enrolled", "administrators must use an authenticator: sign in "
				+ "in the browser to enrol one first, then send its code in " + ApiSignInDetails.TOTP_HEADER),
		UNREADABLE(HttpStatus.UNAUTHORIZED, "totp-secret-unreadable", "this account's authenticator cannot be "
				+ "checked; an administrator finds the cause in Tandem's log");

		private final HttpStatus status;
		private final String auditReason;
		private final String detail;

		Reason(HttpStatus status, String auditReason, String detail) {
			this.status = status;
			this.auditReason = auditReason;
			this.detail = detail;
		}

		HttpStatus status() {
			return status;
		}

		/** What the audit log and {@link org.tandem.security.LoginFailed} give as the reason. */
		String auditReason() {
			return auditReason;
		}
	}
}
