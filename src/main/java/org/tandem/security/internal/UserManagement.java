package org.tandem.security.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.Conflict;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;
import org.tandem.directory.Directory;
import org.tandem.security.Audit.Outcome;
import org.tandem.security.NewUser;
import org.tandem.security.Role;
import org.tandem.security.UserAccount;
import org.tandem.security.UserAccounts;
import org.tandem.security.UserCreated;

/** Creating and changing users, each change audited in its own transaction. */
@Service
class UserManagement implements UserAccounts {

	static final int MIN_PASSWORD = 12;
	static final int MAX_PASSWORD = 128;
	static final String ISSUER = "Tandem";

	private final Users users;
	private final TotpSecrets secrets;
	private final PasswordEncoder encoder;
	private final AuditLog audit;
	private final Directory directory;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	UserManagement(Users users, TotpSecrets secrets, PasswordEncoder encoder, AuditLog audit, Directory directory,
			ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.secrets = secrets;
		this.encoder = encoder;
		this.audit = audit;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Optional<UserAccount> find(String username) {
		return users.find(Names.normalize(username)).map(user -> user.account(clock.instant()));
	}

	@Override
	@Transactional
	public UserAccount create(NewUser user) {
		return create(user, MIN_PASSWORD);
	}

	/** The bootstrap administrator's password is the operator's setting, held to that setting's own minimum. */
	@Transactional
	UserAccount create(NewUser user, int minPassword) {
		String username = Names.valid(user.username());
		Set<Role> roles = roles(user.roles());
		UUID staffId = staff(user.staffId(), roles);
		String hash = encoder.encode(password(user.password(), minPassword));
		if (users.find(username).isPresent()) {
			throw new Conflict("user name '" + username + "' is taken");
		}
		Instant now = clock.instant();
		var stored = new StoredUser(UUID.randomUUID(), username, hash, roles, staffId, true, null, false, 0, 0, null, null,
				now);
		users.insert(stored, now);
		audit.record("user.create", "user", stored.id().toString(), Outcome.SUCCESS, Map.of("username", username,
				"roles", names(roles), "staffId", staffId == null ? "" : staffId.toString()));
		events.publishEvent(new UserCreated(stored.id(), username, roles, staffId));
		return stored.account(now);
	}

	@Override
	public List<UserAccount> list() {
		Instant now = clock.instant();
		return users.all().stream().map(user -> user.account(now)).toList();
	}

	UserAccount get(UUID id) {
		return stored(id).account(clock.instant());
	}

	@Override
	@Transactional
	public UserAccount changeRoles(UUID id, Set<Role> requested) {
		StoredUser user = stored(id);
		Set<Role> roles = roles(requested);
		staff(user.staffId(), roles);
		if (user.has(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
			requireAnotherAdmin(user);
		}
		users.updateRoles(id, roles, clock.instant());
		audit.record("user.roles.change", "user", id.toString(), Outcome.SUCCESS,
				Map.of("from", names(user.roles()), "to", names(roles)));
		return get(id);
	}

	@Override
	@Transactional
	public UserAccount enable(UUID id, boolean enabled) {
		StoredUser user = stored(id);
		if (!enabled && user.enabled() && user.has(Role.ADMIN)) {
			requireAnotherAdmin(user);
		}
		users.updateEnabled(id, enabled, clock.instant());
		audit.record(enabled ? "user.enable" : "user.disable", "user", id.toString(), Outcome.SUCCESS);
		return get(id);
	}

	@Transactional
	UserAccount resetPassword(UUID id, String password) {
		stored(id);
		users.updatePassword(id, encoder.encode(password(password, MIN_PASSWORD)), clock.instant());
		audit.record("user.password.reset", "user", id.toString(), Outcome.SUCCESS);
		return get(id);
	}

	/** Sets the configured bootstrap administrator's password again when the setting changed. */
	@Transactional
	void ensureAdministrator(String username, String password) {
		Instant now = clock.instant();
		Optional<StoredUser> existing = users.find(username);
		if (existing.isEmpty()) {
			create(new NewUser(username, password, Set.of(Role.ADMIN), null), 8);
			return;
		}
		StoredUser user = existing.get();
		if (!encoder.matches(password, user.passwordHash()) || encoder.upgradeEncoding(user.passwordHash())) {
			users.updatePassword(user.id(), encoder.encode(password), now);
			audit.record("user.password.reset", "user", user.id().toString(), Outcome.SUCCESS,
					Map.of("by", "configuration"));
		}
		if (!user.has(Role.ADMIN) || !user.enabled()) {
			var roles = EnumSet.copyOf(user.roles());
			roles.add(Role.ADMIN);
			users.updateRoles(user.id(), roles, now);
			users.updateEnabled(user.id(), true, now);
			audit.record("user.roles.change", "user", user.id().toString(), Outcome.SUCCESS,
					Map.of("from", names(user.roles()), "to", names(roles), "by", "configuration"));
		}
	}

	@Transactional
	void removeTotp(UUID id) {
		stored(id);
		users.removeTotp(id, clock.instant());
		audit.record("user.totp.reset", "user", id.toString(), Outcome.SUCCESS);
	}

	/** A new secret for the user's authenticator; it signs nobody in until a code from it has been confirmed. */
	@Transactional
	TotpEnrolment startTotp(String username) {
		StoredUser user = users.find(Names.normalize(username)).orElseThrow(() -> new NotFound("user", username));
		if (user.totpConfirmed()) {
			throw new Conflict("a second factor is already enrolled; an administrator can reset it");
		}
		byte[] key = new byte[20];
		random.nextBytes(key);
		String secret = Base32.encode(key);
		users.startTotp(user.id(), secrets.encrypt(user.id(), secret), clock.instant());
		audit.record("user.totp.start", "user", user.id().toString(), Outcome.SUCCESS);
		return new TotpEnrolment(secret, uri(user.username(), secret));
	}

	/**
	 * The secret waiting for confirmation, so that reloading the enrolment page does not invalidate a scanned code.
	 * One that no longer decrypts is as good as none: the enrolment starts again.
	 */
	Optional<TotpEnrolment> pendingTotp(String username) {
		return users.find(Names.normalize(username))
			.filter(user -> user.totpSecret() != null && !user.totpConfirmed())
			.flatMap(user -> {
				try {
					String secret = secrets.base32(user);
					return Optional.of(new TotpEnrolment(secret, uri(user.username(), secret)));
				}
				catch (UnreadableSecret e) {
					return Optional.empty();
				}
			});
	}

	@Transactional
	boolean confirmTotp(String username, String code) {
		StoredUser user = users.find(Names.normalize(username)).orElseThrow(() -> new NotFound("user", username));
		if (user.totpSecret() == null || user.totpConfirmed()) {
			throw new Conflict(user.totpConfirmed() ? "the second factor is already confirmed"
					: "start the enrolment first (POST /api/me/totp)");
		}
		boolean accepted;
		try {
			accepted = Totp.matchingStep(secrets.key(user), code, clock.instant(), user.totpLastStep())
				.stream()
				.anyMatch(step -> users.useTotpStep(user.id(), step, true, clock.instant()));
		}
		catch (UnreadableSecret e) {
			// Logged with its cause; starting the enrolment again replaces the secret.
			accepted = false;
		}
		audit.record("user.totp.confirm", "user", user.id().toString(), accepted ? Outcome.SUCCESS : Outcome.FAILURE);
		return accepted;
	}

	/**
	 * Checks a sign-in code and spends its step, so it cannot sign anyone in a second time, in the browser or on
	 * the API: both spend the same steps.
	 *
	 * @throws UnreadableSecret when the stored secret does not decrypt (already logged with its cause)
	 */
	boolean checkSecondFactor(StoredUser user, String code) {
		if (user.totpSecret() == null || !user.totpConfirmed()) {
			return false;
		}
		return Totp.matchingStep(secrets.key(user), code, clock.instant(), user.totpLastStep())
			.stream()
			.anyMatch(step -> users.useTotpStep(user.id(), step, false, clock.instant()));
	}

	private void requireAnotherAdmin(StoredUser user) {
		if (user.enabled() && users.countEnabledAdmins() <= 1) {
			throw new Conflict("'" + user.username() + "' is the last enabled administrator");
		}
	}

	private StoredUser stored(UUID id) {
		return users.find(id).orElseThrow(() -> new NotFound("user", id));
	}

	private static Set<Role> roles(Set<Role> roles) {
		InvalidInput.require(roles != null && !roles.isEmpty() && roles.stream().noneMatch(Objects::isNull), "roles",
				"at least one role is required: " + List.of(Role.values()));
		return Set.copyOf(roles);
	}

	private UUID staff(UUID staffId, Set<Role> roles) {
		InvalidInput.require(staffId != null || !roles.contains(Role.THERAPIST), "staffId",
				"a therapist's user must be linked to their staff member");
		if (staffId != null && directory.find(staffId).isEmpty()) {
			throw new InvalidInput("staffId", "staff member " + staffId + " does not exist");
		}
		return staffId;
	}

	private static String password(String password, int min) {
		InvalidInput.require(password != null && password.length() >= min && password.length() <= MAX_PASSWORD,
				"password", "a password is " + min + " to " + MAX_PASSWORD + " characters long");
		return password;
	}

	private static String names(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
	}

	static String uri(String username, String secret) {
		String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
	}

	record TotpEnrolment(String secret, String uri) {
	}
}
