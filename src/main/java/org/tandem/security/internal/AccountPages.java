package org.tandem.security.internal;

import java.security.Principal;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tandem.directory.Directory;
import org.tandem.directory.StaffMember;
import org.tandem.security.Role;

/** The landing page, which leads to the agent desktop, and enrolling an authenticator. */
@Controller
class AccountPages {

	private final Users users;
	private final UserManagement management;
	private final AccountDetails accounts;
	private final Directory directory;

	AccountPages(Users users, UserManagement management, AccountDetails accounts, Directory directory) {
		this.users = users;
		this.management = management;
		this.accounts = accounts;
		this.directory = directory;
	}

	@GetMapping("/")
	String home(Principal principal, Model model) {
		StoredUser user = current(principal);
		model.addAttribute("username", user.username());
		model.addAttribute("roles", user.roles().stream().sorted().map(Role::name).collect(Collectors.joining(", ")));
		model.addAttribute("staffName", user.staffId() == null ? null
				: directory.find(user.staffId()).map(StaffMember::name).orElse(null));
		model.addAttribute("secondFactor", user.totpConfirmed());
		return "home";
	}

	@GetMapping("/account/totp")
	String enrolment(Principal principal, Model model) {
		StoredUser user = current(principal);
		if (user.totpConfirmed()) {
			return "redirect:/";
		}
		var enrolment = management.pendingTotp(user.username()).orElseGet(() -> management.startTotp(user.username()));
		model.addAttribute("username", user.username());
		model.addAttribute("secret", enrolment.secret());
		model.addAttribute("uri", enrolment.uri());
		return "account-totp";
	}

	@PostMapping("/account/totp")
	String confirm(Principal principal, @RequestParam(required = false) String code, HttpServletRequest request,
			HttpServletResponse response) {
		StoredUser user = current(principal);
		if (user.totpConfirmed()) {
			return "redirect:/";
		}
		if (!management.confirmTotp(user.username(), code == null ? null : code.strip())) {
			return "redirect:/account/totp?error";
		}
		// Whoever signed in only to enrol now holds their roles.
		SignIn.as(accounts.principal(users.find(user.id()).orElseThrow()), request, response);
		return "redirect:/?enrolled";
	}

	private StoredUser current(Principal principal) {
		return users.find(Names.normalize(principal.getName())).orElseThrow();
	}
}
