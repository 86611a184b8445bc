package org.tandem.ivr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.tandem.core.UsState;

/**
 * Where a five-digit ZIP code is, by its first three digits, from the table shipped in
 * {@code ivr/zip3-states.csv}. Licensure depends on where the caller is right now, and a ZIP code is
 * what a caller can key in on a phone.
 */
public final class ZipCodes {

	private static final String TABLE = "/ivr/zip3-states.csv";

	private final UsState[] byPrefix;

	private ZipCodes(UsState[] byPrefix) {
		this.byPrefix = byPrefix;
	}

	public static ZipCodes shipped() {
		var stream = Objects.requireNonNull(ZipCodes.class.getResourceAsStream(TABLE), TABLE + " is missing");
		try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.US_ASCII))) {
			var byPrefix = new UsState[1000];
			reader.lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("first,"))
				.forEach(line -> fill(byPrefix, line));
			return new ZipCodes(byPrefix);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void fill(UsState[] byPrefix, String line) {
		String[] columns = line.split(",", -1);
		UsState state = columns[2].isBlank() ? null : UsState.valueOf(columns[2].trim());
		Arrays.fill(byPrefix, Integer.parseInt(columns[0]), Integer.parseInt(columns[1]) + 1, state);
	}

	/** The state of a five-digit ZIP code; empty for anything else, unassigned prefixes and military post offices. */
	public Optional<UsState> stateOf(String zip) {
		if (zip == null || !zip.matches("[0-9]{5}")) {
			return Optional.empty();
		}
		return Optional.ofNullable(byPrefix[Integer.parseInt(zip.substring(0, 3))]);
	}
}
