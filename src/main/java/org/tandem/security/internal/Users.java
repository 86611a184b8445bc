package org.tandem.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.security.Role;

@Repository
class Users {

	private static final String COLUMNS = """
			id, username, password_hash, roles, staff_id, enabled, totp_secret, totp_confirmed, totp_last_step,
			failed_logins, first_failure_at, locked_until, created_at""";

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count() {
		return jdbc.sql("select count(*) from users").query(Long.class).single();
	}

	long countEnabledAdmins() {
		return jdbc.sql("select count(*) from users where enabled and 'ADMIN' = any(roles)").query(Long.class).single();
	}

	Optional<StoredUser> find(String username) {
		return jdbc.sql("select " + COLUMNS + " from users where username = :username")
			.param("username", username)
			.query(Users::row)
			.optional();
	}

	Optional<StoredUser> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from users where id = :id").param("id", id).query(Users::row).optional();
	}

	/** The row locked for the rest of the transaction, so that concurrent failed sign-ins count one by one. */
	Optional<StoredUser> lock(String username) {
		return jdbc.sql("select " + COLUMNS + " from users where username = :username for update")
			.param("username", username)
			.query(Users::row)
			.optional();
	}

	List<StoredUser> all() {
		return jdbc.sql("select " + COLUMNS + " from users order by username").query(Users::row).list();
	}

	List<StoredUser> withTotpSecret() {
		return jdbc.sql("select " + COLUMNS + " from users where totp_secret is not null order by username")
			.query(Users::row)
			.list();
	}

	/** Only while the column still holds {@code current}, so that two nodes starting together change it once. */
	boolean replaceTotpSecret(UUID id, String current, String replacement) {
		return jdbc.sql("update users set totp_secret = :replacement where id = :id and totp_secret = :current")
			.param("id", id)
			.param("current", current)
			.param("replacement", replacement)
			.update() == 1;
	}

	void insert(StoredUser user, Instant now) {
		jdbc.sql("""
				insert into users (id, username, password_hash, roles, staff_id, enabled, created_at, updated_at)
				values (:id, :username, :hash, :roles, :staffId, :enabled, :now, :now)""")
			.param("id", user.id())
			.param("username", user.username())
			.param("hash", user.passwordHash())
			.param("roles", names(user.roles()))
			.param("staffId", user.staffId())
			.param("enabled", user.enabled())
			.param("now", Timestamp.from(now))
			.update();
	}

	void updateRoles(UUID id, Set<Role> roles, Instant now) {
		update("roles = :value", id, names(roles), now);
	}

	void updateEnabled(UUID id, boolean enabled, Instant now) {
		update("enabled = :value", id, enabled, now);
	}

	/** A new password also lifts a lockout: the administrator who set it vouched for the person. */
	void updatePassword(UUID id, String hash, Instant now) {
		update("password_hash = :value, failed_logins = 0, first_failure_at = null, locked_until = null", id, hash, now);
	}

	void startTotp(UUID id, String secret, Instant now) {
		update("totp_secret = :value, totp_confirmed = false, totp_last_step = 0", id, secret, now);
	}

	void removeTotp(UUID id, Instant now) {
		update("totp_secret = :value, totp_confirmed = false, totp_last_step = 0", id, null, now);
	}

	/**
	 * Spends a TOTP step: true only for the first caller with a step later than the last one used, so a
	 * code replayed (even concurrently) is refused.
	 */
	boolean useTotpStep(UUID id, long step, boolean confirm, Instant now) {
		return jdbc.sql("""
				update users set totp_last_step = :step, totp_confirmed = totp_confirmed or :confirm, updated_at = :now
				where id = :id and totp_secret is not null and totp_last_step < :step""")
			.param("id", id)
			.param("step", step)
			.param("confirm", confirm)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	void recordFailures(UUID id, int failedLogins, Instant firstFailureAt, Instant lockedUntil) {
		jdbc.sql("""
				update users set failed_logins = :failed, first_failure_at = :first, locked_until = :locked
				where id = :id""")
			.param("id", id)
			.param("failed", failedLogins)
			.param("first", firstFailureAt == null ? null : Timestamp.from(firstFailureAt))
			.param("locked", lockedUntil == null ? null : Timestamp.from(lockedUntil))
			.update();
	}

	void clearFailures(UUID id) {
		jdbc.sql("""
				update users set failed_logins = 0, first_failure_at = null
				where id = :id and (failed_logins > 0 or first_failure_at is not null)""")
			.param("id", id)
			.update();
	}

	private void update(String assignment, UUID id, Object value, Instant now) {
		jdbc.sql("update users set " + assignment + ", updated_at = :now where id = :id")
			.param("id", id)
			.param("value", value)
			.param("now", Timestamp.from(now))
			.update();
	}

	private static String[] names(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).toArray(String[]::new);
	}

	private static StoredUser row(ResultSet rs, int n) throws SQLException {
		var roles = EnumSet.noneOf(Role.class);
		Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf).forEach(roles::add);
		return new StoredUser(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
				Set.copyOf(roles), rs.getObject("staff_id", UUID.class), rs.getBoolean("enabled"),
				rs.getString("totp_secret"), rs.getBoolean("totp_confirmed"), rs.getLong("totp_last_step"),
				rs.getInt("failed_logins"), instant(rs, "first_failure_at"), instant(rs, "locked_until"),
				instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
