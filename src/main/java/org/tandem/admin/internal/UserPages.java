package org.tandem.admin.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tandem.core.InvalidInput;
import org.tandem.directory.StaffDocuments;
import org.tandem.security.NewUser;
import org.tandem.security.Role;
import org.tandem.security.UserAccounts;

/**
 * Users and their roles: create, change roles, disable and enable. The security module audits each change and
 * keeps the last enabled administrator from losing ADMIN or being disabled.
 */
@Controller
class UserPages {

	private final UserAccounts users;
	private final StaffDocuments staff;

	UserPages(UserAccounts users, StaffDocuments staff) {
		this.users = users;
		this.staff = staff;
	}

	@GetMapping("/admin/users")
	String list(Model model) {
		return page(model, null);
	}

	@PostMapping("/admin/users")
	String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
			@RequestParam(required = false) List<String> roles, @RequestParam(required = false) String staffId,
			Model model, HttpServletResponse response) {
		try {
			users.create(new NewUser(username, password, roles(roles), staffId(staffId)));
			return "redirect:/admin/users?created";
		}
		catch (RuntimeException e) {
			model.addAttribute(Problem.ATTRIBUTE, Problem.of(e, response));
			model.addAttribute("username", username);
			return page(model, null);
		}
	}

	@PostMapping("/admin/users/{id}/roles")
	String changeRoles(@PathVariable UUID id, @RequestParam(required = false) List<String> roles, Model model,
			HttpServletResponse response) {
		try {
			users.changeRoles(id, roles(roles));
			return "redirect:/admin/users?changed";
		}
		catch (RuntimeException e) {
			model.addAttribute(Problem.ATTRIBUTE, Problem.of(e, response));
			return page(model, id);
		}
	}

	@PostMapping("/admin/users/{id}/disable")
	String disable(@PathVariable UUID id, Model model, HttpServletResponse response) {
		return enable(id, false, model, response);
	}

	@PostMapping("/admin/users/{id}/enable")
	String enable(@PathVariable UUID id, Model model, HttpServletResponse response) {
		return enable(id, true, model, response);
	}

	private String enable(UUID id, boolean enabled, Model model, HttpServletResponse response) {
		try {
			users.enable(id, enabled);
			return "redirect:/admin/users?changed";
		}
		catch (RuntimeException e) {
			model.addAttribute(Problem.ATTRIBUTE, Problem.of(e, response));
			return page(model, id);
		}
	}

	/** {@code failed}: the user whose change was refused, so the message shows on their row. */
	private String page(Model model, UUID failed) {
		model.addAttribute("users", users.list());
		model.addAttribute("roles", Role.values());
		model.addAttribute("staff", staff.everyone().stream().filter(member -> member.active()).toList());
		model.addAttribute("failed", failed);
		return "admin/users";
	}

	/** Checkboxes send the role names; anything else is a forged form and named as such. */
	private static Set<Role> roles(List<String> names) {
		var roles = EnumSet.noneOf(Role.class);
		if (names != null) {
			for (String name : names) {
				roles.add(Arrays.stream(Role.values()).filter(role -> role.name().equals(name)).findFirst()
					.orElseThrow(() -> new InvalidInput("roles", "'" + name + "' is not a role")));
			}
		}
		return roles;
	}

	private static UUID staffId(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(raw.strip());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInput("staffId", "'" + raw + "' is not a staff member's id");
		}
	}
}
