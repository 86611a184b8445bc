package org.tandem.directory;

import java.time.LocalDate;
import java.util.Set;

import org.tandem.core.UsState;

/**
 * What a compact lets this therapist do beyond their own licenses: PSYPACT's E.Passport and the Social
 * Work Compact's multistate license cover every state where the compact is operational
 * ({@code privilegeStates} empty); the Counseling Compact grants privileges state by state.
 */
public record CompactAuthorization(Compact compact, UsState homeState, Set<UsState> privilegeStates,
		LocalDate expiresOn) {

	public CompactAuthorization {
		privilegeStates = Copies.set(privilegeStates);
	}

	public boolean covers(UsState state, LocalDate date) {
		return !date.isAfter(expiresOn) && (privilegeStates.isEmpty() || privilegeStates.contains(state));
	}
}
