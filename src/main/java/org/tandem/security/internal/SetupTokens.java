package org.tandem.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time tokens that let the first administrator in; only their SHA-256 is stored. */
@Repository
class SetupTokens {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	SetupTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A fresh token; any earlier unused one stops working, so only the latest log line matters. */
	String issue() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("delete from setup_tokens where used_at is null").update();
		jdbc.sql("insert into setup_tokens (token_hash, created_at) values (:hash, :now)")
			.param("hash", sha256(token))
			.param("now", Timestamp.from(clock.instant()))
			.update();
		return token;
	}

	/** True exactly once per token, even for two requests racing with it. */
	boolean redeem(String token) {
		if (token == null || token.isBlank()) {
			return false;
		}
		return jdbc.sql("update setup_tokens set used_at = :now where token_hash = :hash and used_at is null")
			.param("hash", sha256(token.strip()))
			.param("now", Timestamp.from(clock.instant()))
			.update() == 1;
	}

	private static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}
}
