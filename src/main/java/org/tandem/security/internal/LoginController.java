package org.tandem.security.internal;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tandem.security.SecurityProperties;

/** The sign-in pages: the password form (its POST is Spring Security's) and the TOTP code that follows it. */
@Controller
class LoginController {

	private final Users users;
	private final UserManagement management;
	private final AccountDetails accounts;
	private final LoginAttempts attempts;
	private final SecurityProperties.Lockout lockout;
	private final Clock clock;

	LoginController(Users users, UserManagement management, AccountDetails accounts, LoginAttempts attempts,
			SecurityProperties properties, Clock clock) {
		this.users = users;
		this.management = management;
		this.accounts = accounts;
		this.attempts = attempts;
		this.lockout = properties.lockout();
		this.clock = clock;
	}

	/** After a failed sign-in the form's handler leaves its reason in the session; a lockout is said in words. */
	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		boolean locked = request.getParameter("error") != null && session != null
				&& session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LockedException;
		model.addAttribute("locked", locked);
		model.addAttribute("lockedMinutes", lockout.duration().toMinutes());
		return "login";
	}

	@GetMapping("/login/totp")
	String codeForm(HttpSession session) {
		return pending(session) == null ? "redirect:/login" : "login-totp";
	}

	@PostMapping("/login/totp")
	String code(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession();
		PendingSecondFactor pending = pending(session);
		if (pending == null) {
			return "redirect:/login?expired";
		}
		String address = request.getRemoteAddr();
		var user = users.find(pending.userId()).orElse(null);
		if (attempts.addressThrottled(address) || user == null || !user.enabled() || user.lockedAt(clock.instant())) {
			session.removeAttribute(PendingSecondFactor.ATTRIBUTE);
			attempts.refused(pending.username(), address, user == null || !user.enabled() ? "disabled" : "locked");
			return "redirect:/login?error";
		}
		boolean accepted;
		try {
			accepted = management.checkSecondFactor(user, code == null ? null : code.strip());
		}
		catch (UnreadableSecret e) {
			session.removeAttribute(PendingSecondFactor.ATTRIBUTE);
			attempts.refused(user.username(), address, SecondFactorRefused.Reason.UNREADABLE.auditReason());
			return "redirect:/login?error";
		}
		if (accepted) {
			session.removeAttribute(PendingSecondFactor.ATTRIBUTE);
			SignIn.as(accounts.principal(user), request, response);
			attempts.succeeded(user, address, "password+totp");
			return "redirect:/";
		}
		attempts.failed(user.username(), address, "bad-code");
		if (users.find(user.id()).map(u -> u.lockedAt(clock.instant())).orElse(true)) {
			session.removeAttribute(PendingSecondFactor.ATTRIBUTE);
			return "redirect:/login?error";
		}
		return "redirect:/login/totp?error";
	}

	private PendingSecondFactor pending(HttpSession session) {
		if (session.getAttribute(PendingSecondFactor.ATTRIBUTE) instanceof PendingSecondFactor pending
				&& pending.expires().isAfter(clock.instant())) {
			return pending;
		}
		return null;
	}
}
