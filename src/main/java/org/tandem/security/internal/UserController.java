package org.tandem.security.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tandem.core.InvalidInput;
import org.tandem.security.NewUser;
import org.tandem.security.Role;
import org.tandem.security.UserAccount;

@RestController
@RequestMapping("/api/users")
@Tag(name = "Users", description = "Who may sign in, with which roles (administrators only)")
class UserController {

	private final UserManagement users;

	UserController(UserManagement users) {
		this.users = users;
	}

	@PostMapping
	@Operation(summary = "Create a user; a therapist's user must name their staff member")
	ResponseEntity<UserJson> create(@RequestBody NewUserJson body) {
		UserAccount user = users.create(new NewUser(body.username(), body.password(), body.roles(), body.staffId()));
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(user.id()).toUri();
		return ResponseEntity.created(location).body(UserJson.of(user));
	}

	@GetMapping
	@Operation(summary = "Every user, by name")
	List<UserJson> list() {
		return users.list().stream().map(UserJson::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One user")
	UserJson get(@PathVariable UUID id) {
		return UserJson.of(users.get(id));
	}

	@PutMapping("/{id}/roles")
	@Operation(summary = "Replace a user's roles; the last enabled administrator keeps ADMIN")
	UserJson changeRoles(@PathVariable UUID id, @RequestBody RolesJson body) {
		return UserJson.of(users.changeRoles(id, body.roles()));
	}

	@PostMapping("/{id}/disable")
	@Operation(summary = "Disable a user: they can no longer sign in")
	UserJson disable(@PathVariable UUID id) {
		return UserJson.of(users.enable(id, false));
	}

	@PostMapping("/{id}/enable")
	@Operation(summary = "Enable a user again")
	UserJson enable(@PathVariable UUID id) {
		return UserJson.of(users.enable(id, true));
	}

	@PutMapping("/{id}/password")
	@Operation(summary = "Set a new password (12 to 128 characters); this also lifts a lockout")
	UserJson resetPassword(@PathVariable UUID id, @RequestBody PasswordJson body) {
		InvalidInput.require(body != null, "password", "a password is required");
		return UserJson.of(users.resetPassword(id, body.password()));
	}

	@DeleteMapping("/{id}/totp")
	@Operation(summary = "Remove a user's second factor (a lost phone); they enrol again at their next sign-in")
	ResponseEntity<Void> resetTotp(@PathVariable UUID id) {
		users.removeTotp(id);
		return ResponseEntity.noContent().build();
	}

	record NewUserJson(String username, String password, Set<Role> roles, UUID staffId) {
	}

	record RolesJson(Set<Role> roles) {
	}

	record PasswordJson(String password) {
	}

	record UserJson(UUID id, String username, Set<Role> roles, UUID staffId, boolean enabled, boolean secondFactor,
			Instant lockedUntil, Instant createdAt) {

		static UserJson of(UserAccount user) {
			return new UserJson(user.id(), user.username(), user.roles(), user.staffId(), user.enabled(),
					user.secondFactor(), user.lockedUntil(), user.createdAt());
		}
	}
}
