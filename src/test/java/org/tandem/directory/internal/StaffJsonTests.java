package org.tandem.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tandem.directory.StaffFixtures.TODAY;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tandem.core.Channel;
import org.tandem.core.Format;
import org.tandem.core.InvalidInput;
import org.tandem.core.Language;
import org.tandem.core.PhoneNumber;
import org.tandem.core.Population;
import org.tandem.core.UsState;
import org.tandem.directory.Modality;
import org.tandem.directory.StaffFixtures;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRole;
import org.tandem.directory.Verification;
import tools.jackson.databind.node.ObjectNode;

/** Reading a request body into a staff member: codes, enums and tags, each failure naming its JSON path. */
class StaffJsonTests {

	private static final UUID ID = UUID.randomUUID();

	private final ObjectNode therapist = StaffRequests.therapist(TODAY);

	@Test
	void readsCodesWhateverTheirCase() {
		StaffMember member = read(therapist);

		assertThat(member.role()).isEqualTo(StaffRole.THERAPIST);
		assertThat(member.licenses()).extracting(l -> l.state()).containsExactly(UsState.CA, UsState.TX);
		assertThat(member.populations()).containsExactlyInAnyOrder(Population.GAY_MALE_COUPLES,
				Population.LESBIAN_COUPLES);
		assertThat(member.formats()).containsExactlyInAnyOrder(Format.VIDEO, Format.IN_PERSON);
		assertThat(member.languages()).containsExactlyInAnyOrder(Language.ENGLISH, Language.SPANISH);
		assertThat(member.capacity()).isEqualTo(Map.of(Channel.VOICE, 1, Channel.CHAT, 3));
	}

	@Test
	void normalisesTagsAndThePhoneNumber() {
		StaffMember member = read(therapist);

		assertThat(member.specialties()).containsExactlyInAnyOrder("affairs", "couples-communication");
		assertThat(member.modalities()).extracting(Modality::name).containsExactly("gottman-method", "eft");
		assertThat(member.identity().words()).containsExactly("latinx", "queer", "woman");
		assertThat(member.fees().insurancePanels()).containsExactly("blue-shield");
		assertThat(member.phone()).isEqualTo(new PhoneNumber("+14155550123"));
	}

	@Test
	void takesAnUnverifiedModalityAsSelfReported() {
		assertThat(read(therapist).modalities()).extracting(Modality::verification)
			.containsExactly(Verification.CERTIFIED, Verification.SELF_REPORTED);
	}

	@Test
	void treatsABlankPhoneAsNone() {
		assertThat(read(StaffRequests.with(therapist, "/phone", " ")).phone()).isNull();
	}

	@Test
	void keepsTheActiveStateUnlessTheRequestSetsIt() {
		assertThat(StaffRequests.read(therapist).toStaffMember(ID, false).active()).isFalse();
		assertThat(StaffRequests.read(StaffRequests.with(therapist, "/active", true)).toStaffMember(ID, false).active())
			.isTrue();
	}

	@Test
	void writesBackWhatItReads() {
		StaffMember member = StaffFixtures.counselor();

		assertThat(StaffJson.of(member).toStaffMember(member.id(), false)).isEqualTo(member);
	}

	@Test
	void answersThatMftsHaveNoCompact() {
		var e = catchThrowableOfType(InvalidInput.class,
				() -> read(StaffRequests.with(therapist, "/compacts/0/compact", "mft")));

		assertThat(e.field()).isEqualTo("compacts[0].compact");
		assertThat(e.getMessage()).startsWith("MFTs have no interstate compact");
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(nullValues = "null", textBlock = """
			/licenses/0/state,           XX,             licenses[0].state
			/licenses/0/type,            LMHCX,          licenses[0].type
			/licenses/0/number,          ' ',            licenses[0].number
			/licenses/1/status,          PENDING,        licenses[1].status
			/licenses/1/expiresOn,       null,           licenses[1].expiresOn
			/role,                       NURSE,          role
			/role,                       null,           role
			/phone,                      555-01,         phone
			/languages/1,                klingon,        languages[1]
			/populations/0,              ALIENS,         populations[0]
			/formats/1,                  CARRIER_PIGEON, formats[1]
			/compacts/0/compact,         NURSE_COMPACT,  compacts[0].compact
			/compacts/0/homeState,       Texas,          compacts[0].homeState
			/compacts/0/expiresOn,       null,           compacts[0].expiresOn
			/specialties/0,              '!!',           specialties[0]
			/modalities/1/verification,  RUMOURED,       modalities[1].verification
			/identity/gender/0,          '',             identity.gender[0]
			/fees/standard,              null,           fees.standard
			/availability,               null,           availability
			/availability/zone,          Mars/Olympus,   availability.zone
			/availability/zone,          -08:00,         availability.zone
			/availability/zone,          null,           availability.zone
			/availability/weekly/0/day,  FUNDAY,         availability.weekly[0].day
			/availability/weekly/2/to,   null,           availability.weekly[2].to
			/availability/timeOff/0/to,  null,           availability.timeOff[0].to
			/capacity/FAX,               1,              capacity.FAX
			/capacity/CHAT,              null,           capacity.CHAT
			""")
	void rejectsNamingTheField(String pointer, String value, String field) {
		var body = StaffRequests.with(therapist, pointer, value);

		assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(InvalidInput.class,
				e -> assertThat(e.field()).isEqualTo(field));
	}

	@Test
	void namesTheIndexOfABadPrivilegeState() {
		var body = StaffRequests.with(therapist, "/compacts/0/privilegeStates", List.of("CO", "ZZ"));

		assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(InvalidInput.class,
				e -> assertThat(e.field()).isEqualTo("compacts[0].privilegeStates[1]"));
	}

	private static StaffMember read(ObjectNode body) {
		return StaffRequests.read(body).toStaffMember(ID, true);
	}
}
