package org.tandem.clients.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Conversions between the model's values and the column types of the clients tables. */
final class Columns {

	private Columns() {
	}

	/** A set as a PostgreSQL text array, enums by name. */
	static String[] textArray(Collection<?> values) {
		return values.stream().map(v -> v instanceof Enum<?> e ? e.name() : v.toString()).toArray(String[]::new);
	}

	static Set<String> strings(ResultSet rs, String column) throws SQLException {
		return Set.of((String[]) rs.getArray(column).getArray());
	}

	static <E extends Enum<E>> Set<E> enums(ResultSet rs, String column, Class<E> type) throws SQLException {
		return Arrays.stream((String[]) rs.getArray(column).getArray())
			.map(name -> Enum.valueOf(type, name))
			.collect(Collectors.toUnmodifiableSet());
	}

	/** The JDBC driver takes an offset date-time for timestamptz, not an instant. */
	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		var time = rs.getObject(column, OffsetDateTime.class);
		return time == null ? null : time.toInstant();
	}

	static UUID uuid(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}
}
