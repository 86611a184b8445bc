package org.tandem.directory.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tandem.core.Channel;
import org.tandem.core.Format;
import org.tandem.core.Language;
import org.tandem.core.Population;
import org.tandem.directory.Fees;
import org.tandem.directory.Identity;
import org.tandem.directory.Modality;
import org.tandem.directory.StaffMember;
import org.tandem.directory.TimeOff;
import org.tandem.directory.WeeklyHours;

/**
 * The part of a staff member stored as one jsonb document. A field missing from an older document
 * reads as null, which the model turns into an empty value, so adding a field needs no migration.
 */
record Profile(String pronouns, Set<String> specialties, Set<Population> populations, List<Modality> modalities,
		List<String> languages, Identity identity, Fees fees, Set<Format> formats, List<WeeklyHours> weekly,
		List<TimeOff> timeOff, Map<Channel, Integer> capacity) {

	static Profile of(StaffMember member) {
		return new Profile(member.pronouns(), member.specialties(), member.populations(), member.modalities(),
				member.languages().stream().map(Language::code).sorted().toList(), member.identity(), member.fees(),
				member.formats(), member.availability().weekly(), member.availability().timeOff(), member.capacity());
	}

	Set<Language> spokenLanguages() {
		return languages == null ? Set.of() : Set.copyOf(languages.stream().map(Language::new).toList());
	}
}
