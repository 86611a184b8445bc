package org.tandem.ivr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

	/** A range of whole ZIP codes that does not share its prefix's state. */
	private record Enclave(int first, int last, UsState state) {

		boolean contains(int zip) {
			return zip >= first && zip <= last;
		}
	}

	private final UsState[] byPrefix;
	private final List<Enclave> enclaves;

	private ZipCodes(UsState[] byPrefix, List<Enclave> enclaves) {
		this.byPrefix = byPrefix;
		this.enclaves = enclaves;
	}

	public static ZipCodes shipped() {
		var stream = Objects.requireNonNull(ZipCodes.class.getResourceAsStream(TABLE), TABLE + " is missing");
		try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.US_ASCII))) {
			var byPrefix = new UsState[1000];
			var enclaves = new ArrayList<Enclave>();
			reader.lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("first,"))
				.forEach(line -> read(line, byPrefix, enclaves));
			return new ZipCodes(byPrefix, List.copyOf(enclaves));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void read(String line, UsState[] byPrefix, List<Enclave> enclaves) {
		String[] columns = line.split(",", -1);
		UsState state = columns[2].isBlank() ? null : UsState.valueOf(columns[2].trim());
		int first = Integer.parseInt(columns[0]);
		int last = Integer.parseInt(columns[1]);
		if (columns[0].length() == 5) {
			enclaves.add(new Enclave(first, last, state));
		}
		else {
			Arrays.fill(byPrefix, first, last + 1, state);
		}
	}

	/** The state of a five-digit ZIP code; empty for anything else, unassigned prefixes and military post offices. */
	public Optional<UsState> stateOf(String zip) {
		if (zip == null || !zip.matches("[0-9]{5}")) {
			return Optional.empty();
		}
		int code = Integer.parseInt(zip);
		for (var enclave : enclaves) {
			if (enclave.contains(code)) {
				return Optional.ofNullable(enclave.state());
			}
		}
		return Optional.ofNullable(byPrefix[code / 100]);
	}
}
