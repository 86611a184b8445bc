package org.tandem.directory.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tandem.core.InvalidInput;
import org.tandem.core.UsState;
import org.tandem.directory.Compact;
import org.tandem.directory.CompactAuthorization;

record CompactJson(String compact, String homeState, List<String> privilegeStates, LocalDate expiresOn) {

	/** What people type when they look for a compact that does not exist. */
	private static final Set<String> MFT = Set.of("MFT", "LMFT", "MARRIAGE_AND_FAMILY_THERAPIST", "MFT_COMPACT");

	static CompactJson of(CompactAuthorization authorization) {
		return new CompactJson(authorization.compact().name(), authorization.homeState().name(),
				Output.names(authorization.privilegeStates()), authorization.expiresOn());
	}

	CompactAuthorization toAuthorization(String path) {
		return new CompactAuthorization(parsedCompact(path + ".compact"), UsState.of(homeState, path + ".homeState"),
				Set.copyOf(Input.each(privilegeStates, path + ".privilegeStates", UsState::of)),
				Input.required(expiresOn, path + ".expiresOn"));
	}

	private Compact parsedCompact(String field) {
		if (compact != null && MFT.contains(compact.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_"))) {
			throw new InvalidInput(field, LicensureRules.NO_MFT_COMPACT);
		}
		return Input.oneOf(Compact.class, compact, field);
	}
}
