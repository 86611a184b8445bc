package org.tandem.directory.internal;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.tandem.directory.StaffMember;

/** A stored staff member as the API returns it: the request's shape with the id in front. */
record StaffResource(UUID id, @JsonUnwrapped StaffJson staff) {

	static StaffResource of(StaffMember member) {
		return new StaffResource(member.id(), StaffJson.of(member));
	}
}
