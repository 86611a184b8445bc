package org.tandem.wallboard.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The wall displays, by the hash of their token; revoked ones stay as rows but open nothing. */
@Repository
class WallDisplays {

	private final JdbcClient jdbc;

	WallDisplays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	WallDisplay add(String name, DisplayToken token, String createdBy, Instant at) {
		var display = new WallDisplay(UUID.randomUUID(), name, createdBy, at, null);
		jdbc.sql("""
				insert into wall_displays (id, name, token_hash, created_by, created_at)
				values (:id, :name, :hash, :by, :at)""")
			.param("id", display.id())
			.param("name", name)
			.param("hash", token.hash())
			.param("by", createdBy)
			.param("at", utc(at))
			.update();
		return display;
	}

	/** The links that still work, newest first. */
	List<WallDisplay> active() {
		return jdbc.sql("select * from wall_displays where revoked_at is null order by created_at desc, name")
			.query(WallDisplays::display)
			.list();
	}

	/** The display the token opens, locked until the caller's transaction ends; none when unknown or revoked. */
	Optional<WallDisplay> lockActive(DisplayToken token) {
		return jdbc.sql("select * from wall_displays where token_hash = :hash and revoked_at is null for update")
			.param("hash", token.hash())
			.query(WallDisplays::display)
			.optional();
	}

	void used(UUID id, Instant at) {
		jdbc.sql("update wall_displays set last_used_at = :at where id = :id").param("id", id).param("at", utc(at)).update();
	}

	/** The display as it was before it was revoked; none when there is no such display, or it was revoked already. */
	Optional<WallDisplay> revoke(UUID id, String by, Instant at) {
		var display = jdbc.sql("select * from wall_displays where id = :id and revoked_at is null for update")
			.param("id", id)
			.query(WallDisplays::display)
			.optional();
		display.ifPresent(it -> jdbc.sql("update wall_displays set revoked_at = :at, revoked_by = :by where id = :id")
			.param("id", id)
			.param("by", by)
			.param("at", utc(at))
			.update());
		return display;
	}

	/** Of these displays, the ones that no longer open anything: revoked, or gone. */
	Set<UUID> revokedAmong(Set<UUID> ids) {
		var active = Set.copyOf(jdbc.sql("select id from wall_displays where id in (:ids) and revoked_at is null")
			.param("ids", ids)
			.query(UUID.class)
			.list());
		return ids.stream().filter(id -> !active.contains(id)).collect(Collectors.toSet());
	}

	private static WallDisplay display(ResultSet row, int n) throws SQLException {
		OffsetDateTime lastUsed = row.getObject("last_used_at", OffsetDateTime.class);
		return new WallDisplay(row.getObject("id", UUID.class), row.getString("name"), row.getString("created_by"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(), lastUsed == null ? null : lastUsed.toInstant());
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}
}
