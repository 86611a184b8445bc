package org.tandem.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tandem.security.Audit;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained. Each row's
 * hash is SHA-256 over the previous row's hash and the canonical JSON of the row's own content, so
 * changing, removing or reordering a row breaks the chain from there on and {@link #verify()} names it.
 */
@Service
class AuditLog implements Audit {

	static final String GENESIS = "0".repeat(64);
	static final String SYSTEM = "system";

	/** Every writer takes this transaction-scoped advisory lock, so the chain is one line however many nodes write. */
	private static final long CHAIN_LOCK = 0x7a6e_6175_6469_7400L;

	/** Its own mapper: the hash must not change when the application's JSON settings do. */
	private static final JsonMapper CANONICAL = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void record(String action, String targetType, String targetId, Outcome outcome, Map<String, String> details) {
		append(currentActor(), action, targetType, targetId, outcome, currentAddress(), details);
	}

	/** Declared again so that the call runs in a transaction: an interface's default method would not. */
	@Override
	@Transactional
	public void record(String action, String targetType, String targetId, Outcome outcome) {
		record(action, targetType, targetId, outcome, Map.of());
	}

	/** In the caller's transaction, or a new one: the advisory lock lasts until it ends. */
	@Transactional
	void append(String actor, String action, String targetType, String targetId, Outcome outcome, String sourceAddress,
			Map<String, String> details) {
		jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query((row, n) -> n).single();
		String prev = jdbc.sql("select hash from audit_events order by seq desc limit 1").query(String.class).optional()
			.orElse(GENESIS);
		long seq = jdbc.sql("select nextval(pg_get_serial_sequence('audit_events', 'seq'))").query(Long.class).single();
		var entry = new AuditEntry(seq, clock.instant().truncatedTo(ChronoUnit.MICROS), actor, action, targetType,
				targetId, outcome.name(), sourceAddress, new TreeMap<>(details), prev, null);
		String hash = hash(entry);
		jdbc.sql("""
				insert into audit_events (seq, at, actor, action, target_type, target_id, outcome, source_address, details,
				                          prev_hash, hash)
				values (:seq, :at, :actor, :action, :targetType, :targetId, :outcome, :source, cast(:details as jsonb),
				        :prev, :hash)""")
			.param("seq", seq)
			.param("at", Timestamp.from(entry.at()))
			.param("actor", actor)
			.param("action", action)
			.param("targetType", targetType)
			.param("targetId", targetId)
			.param("outcome", entry.outcome())
			.param("source", sourceAddress)
			.param("details", CANONICAL.writeValueAsString(entry.details()))
			.param("prev", prev)
			.param("hash", hash)
			.update();
	}

	/** Walks the whole chain in order; stops at the first row whose link or content does not add up. */
	@Transactional(readOnly = true)
	ChainVerification verify() {
		var result = new Object() {
			String previous = GENESIS;
			long checked;
			ChainVerification broken;
		};
		try (var rows = jdbc.sql("select * from audit_events order by seq").withFetchSize(500).query(AuditLog::row)
			.stream()) {
			rows.takeWhile(row -> result.broken == null).forEach(row -> {
				if (!row.prevHash().equals(result.previous)) {
					result.broken = ChainVerification.broken(result.checked, row.seq(),
							"its prev_hash does not match the hash of the row before it");
				}
				else if (!hash(row).equals(row.hash())) {
					result.broken = ChainVerification.broken(result.checked, row.seq(),
							"its content does not match its hash");
				}
				else {
					result.previous = row.hash();
					result.checked++;
				}
			});
		}
		return result.broken != null ? result.broken : ChainVerification.intact(result.checked);
	}

	/** Newest first; every filter is optional. */
	@Transactional(readOnly = true)
	List<AuditEntry> find(AuditQuery query) {
		var where = new ArrayList<String>();
		var params = new TreeMap<String, Object>();
		filter(where, params, "actor", query.actor());
		filter(where, params, "action", query.action());
		filter(where, params, "target_type", query.targetType());
		filter(where, params, "target_id", query.targetId());
		filter(where, params, "outcome", query.outcome());
		if (query.from() != null) {
			where.add("at >= :from");
			params.put("from", Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			where.add("at < :to");
			params.put("to", Timestamp.from(query.to()));
		}
		String sql = "select * from audit_events" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
				+ " order by seq desc limit :limit offset :offset";
		params.put("limit", query.size());
		params.put("offset", (long) query.page() * query.size());
		return jdbc.sql(sql).params(params).query(AuditLog::row).list();
	}

	private static void filter(List<String> where, Map<String, Object> params, String column, String value) {
		if (value != null && !value.isBlank()) {
			where.add(column + " = :" + column);
			params.put(column, value);
		}
	}

	static String hash(AuditEntry entry) {
		String canonical = CANONICAL.writeValueAsString(Arrays.asList(entry.seq(), entry.at().toString(), entry.actor(),
				entry.action(), entry.targetType(), entry.targetId(), entry.outcome(), entry.sourceAddress(),
				new TreeMap<>(entry.details())));
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(entry.prevHash().getBytes(StandardCharsets.UTF_8));
			sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	private static AuditEntry row(ResultSet rs, int n) throws SQLException {
		Map<String, String> details = CANONICAL.readValue(rs.getString("details"), new TypeReference<TreeMap<String, String>>() {
		});
		return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"), rs.getString("outcome"),
				rs.getString("source_address"), details, rs.getString("prev_hash"), rs.getString("hash"));
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof AnonymousAuthenticationToken) {
			return "anonymous";
		}
		return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
	}

	static String currentAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				? request.getRequest().getRemoteAddr() : null;
	}

	record AuditEntry(long seq, Instant at, String actor, String action, String targetType, String targetId,
			String outcome, String sourceAddress, Map<String, String> details, String prevHash, String hash) {
	}

	record AuditQuery(String actor, String action, String targetType, String targetId, String outcome, Instant from,
			Instant to, int page, int size) {
	}

	record ChainVerification(boolean intact, long verified, Long firstBrokenSeq, String problem) {

		static ChainVerification intact(long verified) {
			return new ChainVerification(true, verified, null, null);
		}

		static ChainVerification broken(long verified, long seq, String problem) {
			return new ChainVerification(false, verified, seq, "row " + seq + ": " + problem);
		}
	}
}
