package org.tandem.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.security.AccountLocked;
import org.tandem.security.Audit.Outcome;
import org.tandem.security.LoginFailed;
import org.tandem.security.SecurityProperties;

/**
 * Counts failed sign-ins. A user with {@code max-failures} failures within {@code window} is locked for
 * {@code duration}; a source address with {@code max-failures-per-address} failures within the window is
 * refused for the rest of it, so that guessing across many names is slowed too. Every outcome is audited.
 * A name that belongs to nobody is counted and refused the same way, so that being told an account is locked
 * does not tell whether it exists.
 */
@Service
class LoginAttempts {

	private final Users users;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final SecurityProperties.Lockout lockout;
	private final Clock clock;

	/** Per address, in memory: losing it on restart only forgives a few guesses, and it needs no table. */
	private final Map<String, Window> addresses = new ConcurrentHashMap<>();

	/** Per name that belongs to nobody, in memory for the same reason. */
	private final Map<String, Window> unknownNames = new ConcurrentHashMap<>();

	LoginAttempts(Users users, AuditLog audit, ApplicationEventPublisher events, SecurityProperties properties,
			Clock clock) {
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.lockout = properties.lockout();
		this.clock = clock;
	}

	boolean addressThrottled(String address) {
		if (address == null) {
			return false;
		}
		Window window = addresses.get(address);
		return window != null && window.count(clock.instant(), lockout.window()) >= lockout.maxFailuresPerAddress();
	}

	/** A name that belongs to nobody and has failed as often as locks a real account. */
	boolean unknownNameLocked(String username) {
		Window window = unknownNames.get(username);
		return window != null && window.count(clock.instant(), lockout.window()) >= lockout.maxFailures();
	}

	/** A completed sign-in in the browser (HTTP Basic requests are not logged one by one). */
	@Transactional
	void succeeded(StoredUser user, String address, String factor) {
		users.clearFailures(user.id());
		audit.append(user.username(), "login.success", "user", user.id().toString(), Outcome.SUCCESS, address,
				Map.of("factor", factor));
	}

	void forgive(UUID userId) {
		users.clearFailures(userId);
	}

	/** A sign-in refused before its password or code was looked at (locked, disabled, throttled): not counted again. */
	@Transactional
	void refused(String username, String address, String reason) {
		audit.append(username, "login.failure", "user", null, Outcome.DENIED, address, Map.of("reason", reason));
		events.publishEvent(new LoginFailed(username, address, reason));
	}

	/**
	 * A wrong password or code; the one that reaches the limit locks the account.
	 * @return whether the name is locked now
	 */
	@Transactional
	boolean failed(String username, String address, String reason) {
		Instant now = clock.instant();
		if (address != null) {
			count(addresses, address, now);
		}
		var user = users.lock(username);
		audit.append(username, "login.failure", "user", user.map(u -> u.id().toString()).orElse(null), Outcome.FAILURE,
				address, Map.of("reason", reason));
		events.publishEvent(new LoginFailed(username, address, reason));
		if (user.isEmpty()) {
			return count(unknownNames, username, now) >= lockout.maxFailures();
		}
		if (user.get().lockedAt(now)) {
			return true;
		}
		StoredUser found = user.get();
		boolean fresh = found.firstFailureAt() == null || !found.firstFailureAt().plus(lockout.window()).isAfter(now);
		int failures = fresh ? 1 : found.failedLogins() + 1;
		Instant first = fresh ? now : found.firstFailureAt();
		if (failures < lockout.maxFailures()) {
			users.recordFailures(found.id(), failures, first, null);
			return false;
		}
		Instant until = now.plus(lockout.duration());
		users.recordFailures(found.id(), 0, null, until);
		audit.append(AuditLog.SYSTEM, "account.locked", "user", found.id().toString(), Outcome.SUCCESS, address,
				Map.of("username", username, "failures", Integer.toString(failures), "until", until.toString()));
		events.publishEvent(new AccountLocked(username, address, until));
		return true;
	}

	/** One more failure in {@code key}'s window, a new window once the last has passed; the count so far. */
	private int count(Map<String, Window> windows, String key, Instant now) {
		if (windows.size() > 10_000) {
			windows.values().removeIf(window -> window.expired(now, lockout.window()));
		}
		return windows.compute(key, (k, window) -> (window == null || window.expired(now, lockout.window())
				? new Window(now, 0) : window).plusOne()).count();
	}

	private record Window(Instant start, int count) {

		boolean expired(Instant now, Duration length) {
			return !start.plus(length).isAfter(now);
		}

		int count(Instant now, Duration length) {
			return expired(now, length) ? 0 : count;
		}

		Window plusOne() {
			return new Window(start, count + 1);
		}
	}
}
