package org.tandem.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tandem.core.Conflict;
import org.tandem.core.UsState;
import org.tandem.directory.Directory;
import org.tandem.directory.StaffFixtures;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffMemberBuilder;

/** What routing will ask of the directory, about a therapist an administrator entered through the API. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DirectoryIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Directory directory;

	@Autowired
	DirectoryManagement management;

	@Autowired
	Clock clock;

	@Test
	void aDuallyLicensedTherapistIsFoundWhereverTheirLicensesAndPsypactReach() {
		// The practice enters Rosa: an LMFT in California and a psychologist in Texas with PSYPACT.
		LocalDate today = LocalDate.now(clock);
		var created = mvc.post().uri("/api/staff").header(AUTHORIZATION, Admin.AUTHORIZATION)
			.contentType(APPLICATION_JSON).content(StaffRequests.therapist(today).toString()).exchange();
		UUID id = UUID.fromString(StaffRequests.JSON.readTree(created.getResponse().getContentAsByteArray())
			.get("id").asString());

		// Routing sees her among the active staff, with the seeded compact table.
		StaffMember rosa = directory.staff().stream()
			.filter(member -> member.id().equals(id))
			.findFirst()
			.orElseThrow();
		var compacts = directory.compactTable();

		// A client in California is covered by her LMFT license, one in Colorado by PSYPACT,
		// one in New York by neither; an MFT license never reaches beyond its state.
		assertThat(rosa.mayPracticeIn(UsState.CA, today, compacts)).isTrue();
		assertThat(rosa.mayPracticeIn(UsState.CO, today, compacts)).isTrue();
		assertThat(rosa.mayPracticeIn(UsState.NY, today, compacts)).isFalse();

		// A New Yorker calling at 9 pm Eastern on a Monday reaches her at 6 pm Pacific.
		var mondayNinePmEastern = LocalDateTime.of(2026, 11, 30, 21, 0).atZone(ZoneId.of("America/New_York"));
		assertThat(rosa.availability().availableAt(mondayNinePmEastern.toInstant())).isTrue();
		assertThat(rosa.availability().availableAt(mondayNinePmEastern.plusHours(4).toInstant())).isFalse();
	}

	@Test
	void refusesToAddTheSamePersonTwice() {
		StaffMember kim = StaffMemberBuilder.from(StaffFixtures.frontDesk()).id(UUID.randomUUID()).sipUser(null).build();
		management.add(kim);

		assertThatThrownBy(() -> management.add(kim)).isInstanceOf(Conflict.class);
	}
}
