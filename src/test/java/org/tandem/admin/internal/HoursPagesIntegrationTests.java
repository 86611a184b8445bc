package org.tandem.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tandem.core.PhoneNumber;
import org.tandem.directory.StaffFixtures;
import org.tandem.directory.StaffMemberBuilder;
import org.tandem.directory.StaffRegistration;
import org.tandem.ivr.FlowNode;
import org.tandem.ivr.FlowVersion;
import org.tandem.ivr.IvrAdministration;
import org.tandem.ivr.IvrFlows;
import org.tandem.security.NewUser;
import org.tandem.security.Role;
import org.tandem.security.UserAccounts;
import org.tandem.support.MorningClock;
import org.tandem.support.PageSession;

/**
 * A practice manager keeps the opening hours on their own page: a holiday added there is a new version of the
 * flow that answers the practice's number at once, and a time that is no time is refused next to its day.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tandem.security.require-admin-totp=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MorningClock.class)
class HoursPagesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	IvrFlows flows;

	@Autowired
	IvrAdministration ivr;

	@Autowired
	UserAccounts users;

	@Autowired
	StaffRegistration staff;

	@Autowired
	JdbcClient jdbc;

	@Test
	void listsTheWeekTheHolidaysToComeAndWhetherThePracticeIsOpenNow() {
		String name = AdminIntegrationTests.unique("hours");
		HoursFixtures.answering(flows, name, "+15035550116");

		String page = PageSession.html(admin().get("/admin/hours"));

		String section = HoursFixtures.section(page, name);
		assertThat(section).contains("America/Chicago", "+15035550116", "Open now", "AM on Friday",
				"09:00-12:00, 13:00-19:00", "Friday, December 25, 2026", "Closed all day",
				"Thursday, December 24, 2026", "Open 09:00-12:00", "Past holidays (1)");
		assertThat(section.substring(section.indexOf(">Sunday<"))).contains("<td>Closed</td>");
		assertThat(section.substring(0, section.indexOf("Past holidays"))).doesNotContain("January 1, 2026");
	}

	@Test
	void aHolidayAddedOnThePageClosesTheNumberThatDayAndChangesNothingElse() {
		String name = AdminIntegrationTests.unique("hours");
		var number = PhoneNumber.parse("+15035550126", "number");
		FlowVersion first = HoursFixtures.answering(flows, name, number.e164());
		var newYearsEve = Instant.parse("2026-12-31T16:00:00Z");
		assertThat(hoursOf(first).isOpenAt(newYearsEve)).as("10 am on a Thursday").isTrue();

		var saved = admin().submit("/admin/hours", "/admin/hours/holidays", "flow", name, "version", "1", "node",
				HoursFixtures.NODE, "date", "2026-12-31");

		assertThat(saved.getResponse().getRedirectedUrl())
			.isEqualTo("/admin/hours?saved=2&flow=" + name + "#" + HoursFixtures.anchor(name));
		FlowVersion running = flows.activeFor(number).orElseThrow();
		assertThat(running.name()).isEqualTo(name);
		assertThat(running.version()).isEqualTo(2);
		assertThat(hoursOf(running).holidays()).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 25),
				LocalDate.of(2026, 12, 31));
		assertThat(hoursOf(running).isOpenAt(newYearsEve)).isFalse();
		assertThat(hoursOf(running)).isEqualTo(new FlowNode.Hours(hoursOf(first).timeZone(), hoursOf(first).weekly(),
				hoursOf(running).holidays(), hoursOf(first).exceptions(), hoursOf(first).open(), hoursOf(first).closed()));
		var othersBefore = new LinkedHashMap<>(first.flow().nodes());
		var othersAfter = new LinkedHashMap<>(running.flow().nodes());
		othersBefore.remove(HoursFixtures.NODE);
		othersAfter.remove(HoursFixtures.NODE);
		assertThat(othersAfter).isEqualTo(othersBefore);
		assertThat(running.flow().start()).isEqualTo(first.flow().start());
		assertThat(ivr.versions(name).get(0).activeOn()).isEmpty();
		assertThat(outcomes(name, "hours.holiday.add")).containsExactly("SUCCESS");

		String page = PageSession.html(admin().get("/admin/hours?saved=2&flow=" + name));
		assertThat(HoursFixtures.section(page, name)).contains("Saved as version <span>2</span>");
		assertThat(HoursFixtures.section(page, name)).contains("Version <span>2</span>", "Thursday, December 31, 2026");
	}

	@Test
	void aSpanThatIsNoTimeOrEndsBeforeItBeginsIsRefusedNextToItsDayAndNothingIsSaved() {
		String name = AdminIntegrationTests.unique("hours");
		HoursFixtures.answering(flows, name, "+15035550136");
		var admin = admin();

		var noTime = admin.submit("/admin/hours", "/admin/hours/week", week(name, "25:00-26:00", "09:00-17:00"));

		assertThat(noTime).hasStatus(HttpStatus.BAD_REQUEST);
		String refused = HoursFixtures.section(PageSession.html(noTime), name);
		assertThat(refused).contains("Not saved.", "<span>Monday</span>:",
				"&#39;25:00-26:00&#39; is not a span of time like 09:00-17:00", "value=\"25:00-26:00\"");
		assertThat(refused).containsPattern("id=\"" + HoursFixtures.anchor(name) + "-monday\"[^>]*aria-invalid=\"true\"");

		var backwards = admin.submit("/admin/hours", "/admin/hours/week", week(name, "09:00-17:00", "17:00-09:00"));

		assertThat(backwards).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(HoursFixtures.section(PageSession.html(backwards), name)).contains("<span>Tuesday</span>:",
				"&#39;17:00-09:00&#39; ends before it begins");
		assertThat(ivr.versions(name)).hasSize(1);
		assertThat(outcomes(name, "hours.week")).containsExactly("FAILURE", "FAILURE");
	}

	@Test
	void therapistsAndTheFrontDeskMayNotOpenTheHoursPage() {
		var therapist = staff.add(StaffMemberBuilder.from(StaffFixtures.couplesTherapist()).id(UUID.randomUUID())
			.name("Theo Hours").sipUser(null).build());
		String theo = AdminIntegrationTests.unique("theo");
		users.create(new NewUser(theo, "therapist-password", Set.of(Role.THERAPIST), therapist.id()));
		String fran = AdminIntegrationTests.unique("fran");
		users.create(new NewUser(fran, "front-desk-password", Set.of(Role.FRONT_DESK), null));

		for (String user : new String[] { theo, fran }) {
			String password = user.equals(theo) ? "therapist-password" : "front-desk-password";
			assertThat(PageSession.signIn(mvc, user, password).get("/admin/hours")).as(user)
				.hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(admin().get("/admin/hours")).hasStatusOk();
	}

	/** The week form as sent with Monday's and Tuesday's hours typed in and the other days as they were. */
	private static String[] week(String name, String monday, String tuesday) {
		return new String[] { "flow", name, "version", "1", "node", HoursFixtures.NODE, "timeZone", "America/Chicago",
				"monday", monday, "tuesday", tuesday, "wednesday", "09:00-17:00", "thursday", "09:00-17:00", "friday",
				"07:00-19:00", "saturday", "", "sunday", "" };
	}

	private static FlowNode.Hours hoursOf(FlowVersion version) {
		return (FlowNode.Hours) version.flow().node(HoursFixtures.NODE);
	}

	private List<String> outcomes(String name, String action) {
		return jdbc.sql("""
				select outcome from audit_events
				where actor = 'admin' and action = :action and target_id = :name order by seq""")
			.param("action", action)
			.param("name", name)
			.query(String.class)
			.list();
	}

	private PageSession admin() {
		return PageSession.signIn(mvc, "admin", "test-admin-secret");
	}
}
