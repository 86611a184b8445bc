package org.tandem.directory.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.tandem.core.Channel;
import org.tandem.core.Format;
import org.tandem.core.Language;
import org.tandem.core.PhoneNumber;
import org.tandem.core.Population;
import org.tandem.directory.Identity;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRole;

/**
 * A staff member as the API reads and writes it: codes and tags as text, so that every value that
 * does not fit is reported with its JSON path. {@code active} may be left out: a new person is active,
 * an edited one keeps their state.
 */
record StaffJson(String name, String pronouns, String role, String email, String phone, String sipUser,
		List<LicenseJson> licenses, List<CompactJson> compacts, List<String> specialties, List<String> populations,
		List<ModalityJson> modalities, List<String> languages, IdentityJson identity, FeesJson fees,
		List<String> formats, Boolean acceptingNewClients, AvailabilityJson availability,
		Map<String, Integer> capacity, Boolean active) {

	static StaffJson of(StaffMember member) {
		var capacity = new LinkedHashMap<String, Integer>();
		member.capacity().entrySet().stream().sorted(Map.Entry.comparingByKey())
			.forEach(entry -> capacity.put(entry.getKey().name(), entry.getValue()));
		return new StaffJson(member.name(), member.pronouns(), member.role().name(), member.email(),
				member.phone() == null ? null : member.phone().e164(), member.sipUser(),
				member.licenses().stream().map(LicenseJson::of).toList(),
				member.compacts().stream().map(CompactJson::of).toList(), Output.sorted(member.specialties()),
				Output.names(member.populations()), member.modalities().stream().map(ModalityJson::of).toList(),
				member.languages().stream().map(Language::code).sorted().toList(), IdentityJson.of(member.identity()),
				member.fees() == null ? null : FeesJson.of(member.fees()), Output.names(member.formats()),
				member.acceptingNewClients(), AvailabilityJson.of(member.availability()), capacity, member.active());
	}

	StaffMember toStaffMember(UUID id, boolean activeUnlessSaid) {
		return new StaffMember(id, name == null ? null : name.trim(), Input.optional(pronouns),
				Input.oneOf(StaffRole.class, role, "role"), Input.optional(email), parsedPhone(),
				Input.optional(sipUser), Input.each(licenses, "licenses", LicenseJson::toLicense),
				Input.each(compacts, "compacts", CompactJson::toAuthorization), Input.tags(specialties, "specialties"),
				Input.allOf(Population.class, populations, "populations"),
				Input.each(modalities, "modalities", ModalityJson::toModality),
				Set.copyOf(Input.each(languages, "languages", Language::of)),
				identity == null ? Identity.UNDISCLOSED : identity.toIdentity("identity"),
				fees == null ? null : fees.toFees("fees"), Input.allOf(Format.class, formats, "formats"),
				Boolean.TRUE.equals(acceptingNewClients),
				Input.required(availability, "availability").toAvailability("availability"), parsedCapacity(),
				active == null ? activeUnlessSaid : active);
	}

	private PhoneNumber parsedPhone() {
		return Input.optional(phone) == null ? null : PhoneNumber.parse(phone, "phone");
	}

	private Map<Channel, Integer> parsedCapacity() {
		var capacities = new EnumMap<Channel, Integer>(Channel.class);
		if (capacity != null) {
			capacity.forEach((channel, count) -> {
				String field = "capacity." + channel;
				capacities.put(Input.oneOf(Channel.class, channel, field), Input.required(count, field));
			});
		}
		return capacities;
	}
}
