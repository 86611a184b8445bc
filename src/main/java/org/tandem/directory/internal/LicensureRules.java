package org.tandem.directory.internal;

import static org.tandem.core.InvalidInput.require;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.tandem.core.InvalidInput;
import org.tandem.directory.Compact;
import org.tandem.directory.CompactAuthorization;
import org.tandem.directory.License;
import org.tandem.directory.LicenseStatus;
import org.tandem.directory.LicenseType;
import org.tandem.directory.StaffMember;

/** Licenses and compact authorizations that routing can trust when it asks who may see a client where. */
final class LicensureRules {

	static final String NO_MFT_COMPACT = "MFTs have no interstate compact: they need a full license in every "
			+ "state where a client sits";

	private LicensureRules() {
	}

	static void check(StaffMember member, LocalDate today) {
		require(!member.isTherapist() || !member.licenses().isEmpty(), "licenses",
				"a therapist needs at least one license");
		for (int i = 0; i < member.licenses().size(); i++) {
			checkLicense(member.licenses().get(i), "licenses[" + i + "]", today);
		}
		for (int i = 0; i < member.compacts().size(); i++) {
			checkAuthorization(member, member.compacts().get(i), "compacts[" + i + "]", today);
		}
	}

	private static void checkLicense(License license, String path, LocalDate today) {
		require(license.state() != null, path + ".state", "a US state code is required");
		require(license.type() != null, path + ".type", "a license type is required");
		require(license.number() != null && !license.number().isBlank(), path + ".number",
				"a license number is required");
		require(license.status() != null, path + ".status", "a license status is required");
		require(license.expiresOn() != null, path + ".expiresOn", "an expiry date is required");
		require(license.status() != LicenseStatus.ACTIVE || !license.expiresOn().isBefore(today), path + ".expiresOn",
				"an ACTIVE license cannot have expired already (" + license.expiresOn()
						+ "): enter the renewed expiry date or change its status");
	}

	private static void checkAuthorization(StaffMember member, CompactAuthorization authorization, String path,
			LocalDate today) {
		Compact compact = authorization.compact();
		require(compact != null, path + ".compact", "a compact is required");
		require(authorization.homeState() != null, path + ".homeState", "the home state is required");
		require(authorization.expiresOn() != null, path + ".expiresOn", "an expiry date is required");
		if (compact == Compact.COUNSELING_COMPACT) {
			require(!authorization.privilegeStates().isEmpty(), path + ".privilegeStates",
					"the Counseling Compact grants privileges state by state: list the states granted");
		}
		else {
			require(authorization.privilegeStates().isEmpty(), path + ".privilegeStates",
					compact + " covers every state where it is operational: list no privilege states");
		}
		if (!member.hasValidHomeLicense(authorization, today)) {
			throw new InvalidInput(path + ".homeState", noHomeLicense(member, authorization, today));
		}
	}

	private static String noHomeLicense(StaffMember member, CompactAuthorization authorization, LocalDate today) {
		Optional<License> withoutCompact = member.licenses().stream()
			.filter(license -> license.state() == authorization.homeState() && license.validOn(today))
			.filter(license -> license.type().profession().compact().isEmpty())
			.findFirst();
		if (withoutCompact.isPresent()) {
			return NO_MFT_COMPACT + "; the " + withoutCompact.get().type() + " license in " + authorization.homeState()
					+ " cannot anchor " + authorization.compact();
		}
		String types = Arrays.stream(LicenseType.values())
			.filter(type -> type.profession().compact().orElse(null) == authorization.compact())
			.map(Enum::name)
			.collect(Collectors.joining(", "));
		return authorization.compact() + " needs an active, unexpired license (" + types + ") in the home state "
				+ authorization.homeState();
	}
}
