package org.tandem.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.tandem.core.Channel;
import org.tandem.core.Format;
import org.tandem.core.Language;
import org.tandem.core.PhoneNumber;
import org.tandem.core.Population;
import org.tandem.core.UsState;

/**
 * A therapist or front-desk staff member with everything routing matches on. Front-desk staff have no
 * licenses and take contacts only from routing steps that target the front desk.
 *
 * @param sipUser the SIP user their desk phone registers as (used by voice), may be null
 * @param fees what a therapist charges; null for front-desk staff
 * @param capacity how many contacts at once per channel, e.g. 1 call, 3 chats; absent channel = 0
 * @param active false once the person left the practice: kept for history, never routed to
 */
public record StaffMember(UUID id, String name, String pronouns, StaffRole role, String email, PhoneNumber phone,
		String sipUser, List<License> licenses, List<CompactAuthorization> compacts, Set<String> specialties,
		Set<Population> populations, List<Modality> modalities, Set<Language> languages, Identity identity, Fees fees,
		Set<Format> formats, boolean acceptingNewClients, Availability availability, Map<Channel, Integer> capacity,
		boolean active) {

	public StaffMember {
		licenses = Copies.list(licenses);
		compacts = Copies.list(compacts);
		specialties = Copies.set(specialties);
		populations = Copies.set(populations);
		modalities = Copies.list(modalities);
		languages = Copies.set(languages);
		identity = identity == null ? Identity.UNDISCLOSED : identity;
		formats = Copies.set(formats);
		capacity = Copies.map(capacity);
	}

	public boolean isTherapist() {
		return role == StaffRole.THERAPIST;
	}

	/**
	 * Whether this therapist may see a client who is physically in {@code state} on {@code date}: an
	 * active, unexpired license there, or a compact authorization that covers the state while the
	 * compact is operational there and the therapist's home-state license of that profession is valid.
	 */
	public boolean mayPracticeIn(UsState state, LocalDate date, CompactTable compactTable) {
		for (License license : licenses) {
			if (license.state() == state && license.validOn(date)) {
				return true;
			}
		}
		for (CompactAuthorization authorization : compacts) {
			if (authorization.covers(state, date) && compactTable.operational(authorization.compact(), state, date)
					&& hasValidHomeLicense(authorization, date)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the license that anchors a compact authorization — one of the compact's profession, in the
	 * authorization's home state — is active and unexpired on {@code date}.
	 */
	public boolean hasValidHomeLicense(CompactAuthorization authorization, LocalDate date) {
		for (License license : licenses) {
			if (license.state() == authorization.homeState() && license.validOn(date)
					&& license.type().profession().compact().orElse(null) == authorization.compact()) {
				return true;
			}
		}
		return false;
	}

	public int capacityFor(Channel channel) {
		return capacity.getOrDefault(channel, 0);
	}
}
