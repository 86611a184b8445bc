package org.tandem.wallboard.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tandem.core.InvalidInput;
import org.tandem.security.Audit;
import org.tandem.security.Audit.Outcome;

/**
 * Making, opening and revoking wall display links, each written to the audit log in the same transaction as
 * the change: made, revoked, and the first time a link was opened (later uses only move "last used").
 */
@Service
class WallDisplayLinks {

	static final String TARGET = "wall-display";

	private final WallDisplays displays;
	private final LiveWallboard live;
	private final Audit audit;
	private final TransactionTemplate transaction;
	private final Clock clock;

	WallDisplayLinks(WallDisplays displays, LiveWallboard live, Audit audit, TransactionTemplate transaction, Clock clock) {
		this.displays = displays;
		this.live = live;
		this.audit = audit;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** The token goes back to the user once, here; only its hash is kept. */
	Created create(String name, String createdBy) {
		String checked = name(name);
		var token = DisplayToken.generate();
		var display = transaction.execute(status -> {
			var added = displays.add(checked, token, createdBy, clock.instant().truncatedTo(ChronoUnit.MICROS));
			audit.record("wall-display.create", TARGET, added.id().toString(), Outcome.SUCCESS, Map.of("name", checked));
			return added;
		});
		return new Created(display, token);
	}

	List<WallDisplay> active() {
		return displays.active();
	}

	/**
	 * Revokes the link and then, once that is committed, ends its open live streams: a screen that reconnects
	 * is refused from then on. False when there is no such link or it was revoked already.
	 */
	boolean revoke(UUID id, String revokedBy) {
		var revoked = transaction.execute(status -> {
			var display = displays.revoke(id, revokedBy, clock.instant().truncatedTo(ChronoUnit.MICROS));
			display.ifPresent(it -> audit.record("wall-display.revoke", TARGET, id.toString(), Outcome.SUCCESS,
					Map.of("name", it.name())));
			return display.isPresent();
		});
		if (revoked) {
			live.disconnect(id);
		}
		return revoked;
	}

	/** The display a link opens, marked as used now; none, alike, for a token never issued and a revoked one. */
	Optional<WallDisplay> open(String token) {
		return DisplayToken.parse(token).flatMap(parsed -> transaction.execute(status -> {
			var display = displays.lockActive(parsed);
			display.ifPresent(it -> {
				displays.used(it.id(), clock.instant().truncatedTo(ChronoUnit.MICROS));
				if (it.lastUsedAt() == null) {
					audit.record("wall-display.first-use", TARGET, it.id().toString(), Outcome.SUCCESS,
							Map.of("name", it.name()));
				}
			});
			return display;
		}));
	}

	private static String name(String name) {
		String trimmed = name == null ? "" : name.strip();
		InvalidInput.require(!trimmed.isEmpty(), "name", "Give the display a name, such as Front office TV.");
		InvalidInput.require(trimmed.length() <= WallDisplay.MAX_NAME, "name",
				"A display's name has at most " + WallDisplay.MAX_NAME + " characters.");
		InvalidInput.require(trimmed.codePoints().noneMatch(Character::isISOControl), "name",
				"A display's name is one line of text.");
		return trimmed;
	}

	record Created(WallDisplay display, DisplayToken token) {
	}
}
