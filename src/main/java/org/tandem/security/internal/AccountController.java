package org.tandem.security.internal;

import java.security.Principal;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;
import org.tandem.security.Role;
import org.tandem.security.UserAccount;

@RestController
@RequestMapping("/api/me")
@Tag(name = "Me", description = "The signed-in user's own account")
class AccountController {

	private final UserManagement users;

	AccountController(UserManagement users) {
		this.users = users;
	}

	@GetMapping
	@Operation(summary = "Who is signed in, with which roles")
	MeJson me(Principal principal) {
		UserAccount user = users.find(principal.getName()).orElseThrow(() -> new NotFound("user", principal.getName()));
		return new MeJson(user.username(), user.roles(), user.secondFactor());
	}

	@PostMapping("/totp")
	@Operation(summary = "Start enrolling a TOTP authenticator: returns the secret and an otpauth:// URI to scan")
	UserManagement.TotpEnrolment startTotp(Principal principal) {
		return users.startTotp(principal.getName());
	}

	@PostMapping("/totp/confirm")
	@Operation(summary = "Confirm the enrolment with a current 6-digit code from the authenticator")
	MeJson confirmTotp(Principal principal, @RequestBody CodeJson body) {
		InvalidInput.require(body != null && users.confirmTotp(principal.getName(), body.code()), "code",
				"the code does not match; check the time on the phone and enter the current code");
		return me(principal);
	}

	record CodeJson(String code) {
	}

	record MeJson(String username, Set<Role> roles, boolean secondFactor) {
	}
}
