package org.tandem.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.tandem.directory.Directory;
import org.tandem.directory.StaffFixtures;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffMemberBuilder;
import org.tandem.directory.StaffRegistration;
import org.tandem.ivr.IvrAdministration;
import org.tandem.ivr.IvrFlows;
import org.tandem.routing.Routing;
import org.tandem.routing.StepTarget;
import org.tandem.security.NewUser;
import org.tandem.security.Role;
import org.tandem.security.UserAccounts;
import org.tandem.support.MorningClock;
import org.tandem.support.PageSession;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The administrator's pages: who may open them, and each edit going through the owning module's checks. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tandem.security.require-admin-totp=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MorningClock.class)
class AdminIntegrationTests {

	static final String BROKEN_FLOW = """
			start: emergency
			nodes:
			  emergency:
			    type: emergency
			    next: main-menu
			  main-menu:
			    type: menu
			    prompt: main-menu
			    options: { "1": desk, "3": nowhere }
			    default: desk
			  desk:
			    type: enqueue
			    queue: front-desk
			""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	StaffRegistration staff;

	@Autowired
	Directory directory;

	@Autowired
	IvrAdministration ivr;

	@Autowired
	IvrFlows flows;

	@Autowired
	Routing routing;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAdminPagesAreForAdministratorsOnly() {
		String supervisor = unique("sue");
		users.create(new NewUser(supervisor, "supervisor-password", Set.of(Role.SUPERVISOR), null));
		var refused = PageSession.signIn(mvc, supervisor, "supervisor-password");
		for (String page : new String[] { "/admin", "/admin/staff", "/admin/queues", "/admin/flows", "/admin/hours",
				"/admin/crisis", "/admin/users" }) {
			assertThat(refused.get(page)).as(page).hasStatus(HttpStatus.FORBIDDEN);
		}

		var admin = admin();
		for (String page : new String[] { "/admin", "/admin/staff", "/admin/queues", "/admin/flows", "/admin/hours",
				"/admin/crisis", "/admin/users", "/admin/queues/new", "/admin/flows/new" }) {
			assertThat(admin.get(page)).as(page).hasStatusOk();
		}
	}

	@Test
	void anInvalidFlowSavedFromItsPageShowsTheNodeAtFaultAndStoresNothing() {
		var admin = admin();
		String name = unique("flow");

		var refused = admin.submit("/admin/flows/new", "/admin/flows", "name", name, "document", BROKEN_FLOW);

		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(PageSession.html(refused)).contains("<code class=\"field\">nodes.main-menu.options.3</code>",
				"no node named &#39;nowhere&#39;", "aria-invalid=\"true\"", "options: { &quot;1&quot;: desk");
		assertThat(ivr.flows()).noneMatch(flow -> flow.name().equals(name));

		var saved = admin.submit("/admin/flows/new", "/admin/flows", "name", name, "document",
				BROKEN_FLOW.replace(", \"3\": nowhere", ""));
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/flows/" + name + "?saved=1");
		assertThat(PageSession.html(admin.get("/admin/flows/" + name))).contains("main-menu", "Activate");

		var wrongNumber = admin.submit("/admin/flows/" + name, "/admin/flows/" + name + "/versions/1/activate",
				"number", "not a number");
		assertThat(wrongNumber).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(PageSession.html(wrongNumber)).contains("Version <span>1</span> not activated", ">number</code>");

		var activated = admin.submit("/admin/flows/" + name, "/admin/flows/" + name + "/versions/1/activate",
				"number", "+1 503 555 0199");
		assertThat(activated.getResponse().getRedirectedUrl()).isEqualTo("/admin/flows/" + name + "?activated=1");
		assertThat(flows.activeFor(PhoneNumber.parse("+15035550199", "number")).orElseThrow().name()).isEqualTo(name);
	}

	@Test
	void aStaffMembersDocumentIsEditedWithTheApisChecksAndTheChangeIsAudited() {
		StaffMember member = staff.add(StaffMemberBuilder.from(StaffFixtures.couplesTherapist()).id(UUID.randomUUID())
			.name("Ines Admin").sipUser(null).build());
		var admin = admin();
		assertThat(PageSession.html(admin.get("/admin/staff"))).contains("Ines Admin", "/admin/staff/" + member.id());
		String page = "/admin/staff/" + member.id();
		ObjectNode document = (ObjectNode) json.readTree(textArea(admin, page));

		((ObjectNode) document.get("licenses").get(0)).put("state", "XX");
		var refused = admin.submit(page, page, "document", json.writeValueAsString(document));

		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(PageSession.html(refused)).contains("<code class=\"field\">licenses[0].state</code>",
				"&#39;XX&#39; is not a US state code");
		assertThat(directory.find(member.id()).orElseThrow().licenses().get(0).state().name()).isEqualTo("CA");

		((ObjectNode) document.get("licenses").get(0)).put("state", "CA");
		document.put("name", "Ines <b>Admin</b>");
		var saved = admin.submit(page, page, "document", json.writeValueAsString(document));

		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo(page + "?saved");
		assertThat(directory.find(member.id()).orElseThrow().name()).isEqualTo("Ines <b>Admin</b>");
		assertThat(PageSession.html(admin.get("/admin/staff"))).contains("Ines &lt;b&gt;Admin&lt;/b&gt;")
			.doesNotContain("Ines <b>Admin</b>");
		assertThat(jdbc.sql("""
				select outcome from audit_events
				where actor = 'admin' and action = 'staff.update' and target_id = :id order by seq""")
			.param("id", member.id().toString()).query(String.class).list()).containsExactly("FAILURE", "SUCCESS");
	}

	@Test
	void aQueueIsAddedFromTheExampleAndAnUnknownTargetIsNamedByItsPath() {
		var admin = admin();
		String name = unique("queue");

		var saved = admin.submit("/admin/queues/new", "/admin/queues", "name", name, "document", QueuePages.EXAMPLE);
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/queues/" + name + "?saved");
		assertThat(routing.queues()).anySatisfy(queue -> {
			assertThat(queue.name()).isEqualTo(name);
			assertThat(queue.steps()).extracting(step -> step.target())
				.containsExactly(StepTarget.THERAPISTS, StepTarget.FRONT_DESK);
		});
		assertThat(PageSession.html(admin.get("/admin/queues"))).contains(name, "Any licensed therapist",
				"filters LICENSED, LANGUAGE", "until answered");

		var refused = admin.submit("/admin/queues/" + name, "/admin/queues/" + name, "document",
				QueuePages.EXAMPLE.replace("\"FRONT_DESK\"", "\"NOBODY\""));
		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(PageSession.html(refused)).contains("<code class=\"field\">steps[1].target</code>");
		assertThat(routing.queues()).filteredOn(queue -> queue.name().equals(name))
			.allSatisfy(queue -> assertThat(queue.steps()).hasSize(2));
	}

	@Test
	void theCrisisPageWarnsOnceTheReviewDateHasPassed() {
		var admin = admin();
		String original = ivr.crisisDocument();
		assertThat(PageSession.html(admin.get("/admin/crisis"))).doesNotContain("The review date has passed");
		try {
			ObjectNode overdue = (ObjectNode) json.readTree(original);
			overdue.put("reviewedOn", "2026-01-05");
			overdue.put("reviewBy", "2026-07-05");
			var saved = admin.submit("/admin/crisis", "/admin/crisis", "document", json.writeValueAsString(overdue));
			assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/crisis?saved");

			assertThat(PageSession.html(admin.get("/admin/crisis"))).contains("The review date has passed", "2026-07-05");
			assertThat(PageSession.html(admin.get("/admin"))).contains("The crisis numbers were due for review on");

			((ObjectNode) overdue.get("notice")).remove("es");
			var refused = admin.submit("/admin/crisis", "/admin/crisis", "document", json.writeValueAsString(overdue));
			assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
			assertThat(PageSession.html(refused)).contains("<code class=\"field\">notice.es</code>");
		}
		finally {
			ivr.replaceCrisis(original);
		}
	}

	@Test
	void usersAreCreatedGivenRolesAndDisabledFromTheirPage() {
		var admin = admin();
		String name = unique("fay");

		var noStaff = admin.submit("/admin/users", "/admin/users", "username", name, "password", "front-desk-password",
				"roles", "THERAPIST");
		assertThat(noStaff).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(PageSession.html(noStaff)).contains("<code class=\"field\">staffId</code>");

		var created = admin.submit("/admin/users", "/admin/users", "username", name, "password", "front-desk-password",
				"roles", "FRONT_DESK");
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/users?created");
		UUID id = users.find(name).orElseThrow().id();
		assertThat(PageSession.html(admin.get("/admin/users"))).contains(name);

		admin.submit("/admin/users", "/admin/users/" + id + "/roles", "roles", "FRONT_DESK", "roles", "SUPERVISOR");
		assertThat(users.find(name).orElseThrow().roles()).containsExactlyInAnyOrder(Role.FRONT_DESK, Role.SUPERVISOR);

		admin.submit("/admin/users", "/admin/users/" + id + "/disable");
		assertThat(users.find(name).orElseThrow().enabled()).isFalse();
		admin.submit("/admin/users", "/admin/users/" + id + "/enable");
		assertThat(users.find(name).orElseThrow().enabled()).isTrue();
	}

	/** The document in the page's text area, as the browser would submit it back. */
	private static String textArea(PageSession admin, String page) {
		String html = PageSession.html(admin.get(page));
		int start = html.indexOf('>', html.indexOf("<textarea")) + 1;
		return org.springframework.web.util.HtmlUtils.htmlUnescape(html.substring(start, html.indexOf("</textarea>", start)));
	}

	private PageSession admin() {
		return PageSession.signIn(mvc, "admin", "test-admin-secret");
	}

	static String unique(String stem) {
		return stem + "-" + UUID.randomUUID().toString().substring(0, 8);
	}
}
