package org.tandem.directory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.tandem.core.Channel;
import org.tandem.core.Format;
import org.tandem.core.Language;
import org.tandem.core.PhoneNumber;
import org.tandem.core.Population;

/** A staff member with one thing changed, for tests that vary a fixture one field at a time. */
public final class StaffMemberBuilder {

	private UUID id;
	private String name;
	private String pronouns;
	private StaffRole role;
	private String email;
	private PhoneNumber phone;
	private String sipUser;
	private List<License> licenses;
	private List<CompactAuthorization> compacts;
	private Set<String> specialties;
	private Set<Population> populations;
	private List<Modality> modalities;
	private Set<Language> languages;
	private Identity identity;
	private Fees fees;
	private Set<Format> formats;
	private boolean acceptingNewClients;
	private Availability availability;
	private Map<Channel, Integer> capacity;
	private boolean active;

	private StaffMemberBuilder(StaffMember member) {
		id = member.id();
		name = member.name();
		pronouns = member.pronouns();
		role = member.role();
		email = member.email();
		phone = member.phone();
		sipUser = member.sipUser();
		licenses = member.licenses();
		compacts = member.compacts();
		specialties = member.specialties();
		populations = member.populations();
		modalities = member.modalities();
		languages = member.languages();
		identity = member.identity();
		fees = member.fees();
		formats = member.formats();
		acceptingNewClients = member.acceptingNewClients();
		availability = member.availability();
		capacity = member.capacity();
		active = member.active();
	}

	public static StaffMemberBuilder from(StaffMember member) {
		return new StaffMemberBuilder(member);
	}

	public StaffMemberBuilder id(UUID id) {
		this.id = id;
		return this;
	}

	public StaffMemberBuilder name(String name) {
		this.name = name;
		return this;
	}

	public StaffMemberBuilder role(StaffRole role) {
		this.role = role;
		return this;
	}

	public StaffMemberBuilder email(String email) {
		this.email = email;
		return this;
	}

	public StaffMemberBuilder sipUser(String sipUser) {
		this.sipUser = sipUser;
		return this;
	}

	public StaffMemberBuilder licenses(License... licenses) {
		this.licenses = List.of(licenses);
		return this;
	}

	public StaffMemberBuilder compacts(CompactAuthorization... compacts) {
		this.compacts = List.of(compacts);
		return this;
	}

	public StaffMemberBuilder languages(Language... languages) {
		this.languages = Set.of(languages);
		return this;
	}

	public StaffMemberBuilder fees(Fees fees) {
		this.fees = fees;
		return this;
	}

	public StaffMemberBuilder availability(Availability availability) {
		this.availability = availability;
		return this;
	}

	public StaffMemberBuilder capacity(Map<Channel, Integer> capacity) {
		this.capacity = capacity;
		return this;
	}

	public StaffMember build() {
		return new StaffMember(id, name, pronouns, role, email, phone, sipUser, licenses, compacts, specialties,
				populations, modalities, languages, identity, fees, formats, acceptingNewClients, availability,
				capacity, active);
	}
}
