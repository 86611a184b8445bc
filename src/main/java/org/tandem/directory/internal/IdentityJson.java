package org.tandem.directory.internal;

import java.util.List;

import org.tandem.directory.Identity;

record IdentityJson(List<String> gender, List<String> orientation, List<String> raceEthnicity, List<String> faith) {

	static IdentityJson of(Identity identity) {
		return new IdentityJson(Output.sorted(identity.gender()), Output.sorted(identity.orientation()),
				Output.sorted(identity.raceEthnicity()), Output.sorted(identity.faith()));
	}

	Identity toIdentity(String path) {
		return new Identity(Input.tags(gender, path + ".gender"), Input.tags(orientation, path + ".orientation"),
				Input.tags(raceEthnicity, path + ".raceEthnicity"), Input.tags(faith, path + ".faith"));
	}
}
