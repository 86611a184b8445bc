package org.tandem.admin.internal;

import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.tandem.core.Language;
import org.tandem.directory.CompactAuthorization;
import org.tandem.directory.StaffMember;

/**
 * One line of the staff list: who, in which role, where they are licensed and by which compacts, what they
 * speak, whether they take new clients and whether they still work here.
 */
record StaffRow(UUID id, String name, String role, String licensedIn, String compacts, String languages,
		boolean acceptingNewClients, boolean active) {

	static StaffRow of(StaffMember member) {
		var states = new TreeSet<String>();
		member.licenses().forEach(license -> states.add(license.state().name()));
		return new StaffRow(member.id(), member.name(), member.role().name(), String.join(", ", states),
				member.compacts().stream().map(StaffRow::compact).collect(Collectors.joining("; ")),
				member.languages().stream().map(Language::code).sorted().collect(Collectors.joining(", ")),
				member.acceptingNewClients(), member.active());
	}

	/** An authorization without privilege states covers wherever its compact is operational. */
	private static String compact(CompactAuthorization authorization) {
		return authorization.compact().name() + (authorization.privilegeStates().isEmpty() ? ""
				: " " + authorization.privilegeStates().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
	}
}
