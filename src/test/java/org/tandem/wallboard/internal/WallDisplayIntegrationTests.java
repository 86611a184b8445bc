package org.tandem.wallboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tandem.security.NewUser;
import org.tandem.security.Role;
import org.tandem.security.UserAccounts;
import org.tandem.support.MorningClock;
import org.tandem.support.PageSession;

/**
 * A supervisor makes a display link for the front office TV: the link is shown once and only its hash is kept,
 * the TV opens it without signing in, and once it is revoked the TV's page and its live figures are refused,
 * exactly as a link that never existed. Each step is in the audit log.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tandem.security.require-admin-totp=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MorningClock.class)
class WallDisplayIntegrationTests {

	static final String PASSWORD = "wall-display-test-password";
	static final Pattern LINK = Pattern.compile("id=\"new-link\" value=\"(http[^\"]+/wall/([A-Za-z0-9_-]{43}))\"");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WallDisplayLinks links;

	@LocalServerPort
	int port;

	final HttpClient anonymous = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void aSupervisorMakesALinkShownOnceThatOpensTheWallboardWithoutSigningInAndKeepsOnlyItsHash() throws Exception {
		String supervisor = supervisor();
		var page = PageSession.signIn(mvc, supervisor, PASSWORD);
		String name = "Front office TV " + UUID.randomUUID().toString().substring(0, 6);

		var created = page.submit("/wallboard/displays", "/wallboard/displays", "name", name);
		assertThat(created).hasStatusOk();
		assertThat(created.getResponse().getHeader("Cache-Control")).contains("no-store");
		var link = LINK.matcher(PageSession.html(created));
		assertThat(link.find()).as("the new link on the page").isTrue();
		String token = link.group(2);
		UUID id = jdbc.sql("select id from wall_displays where name = :name").param("name", name).query(UUID.class).single();

		// Stored as its SHA-256 only: nothing in the row is the token or contains it.
		String stored = jdbc.sql("select token_hash from wall_displays where id = :id").param("id", id).query(String.class).single();
		assertThat(stored).isEqualTo(new DisplayToken(token).hash()).hasSize(64).doesNotContain(token);
		assertThat(jdbc.sql("select count(*) from wall_displays where cast(wall_displays.* as text) like :token")
			.param("token", "%" + token + "%").query(Long.class).single()).isZero();

		String listed = PageSession.html(page.get("/wallboard/displays"));
		assertThat(listed).contains(name, supervisor, "Never", "Revoke").doesNotContain(token);

		var wall = anonymous.send(request("/wall/" + token), HttpResponse.BodyHandlers.ofString());
		assertThat(wall.statusCode()).isEqualTo(200);
		assertThat(wall.body()).contains("<h1>Wallboard", name, "data-events=\"/wall/" + token + "/events\"")
			.doesNotContain("<form", "Sign out", "/admin", "Wall displays", "data-idle-seconds", "idle-logoff.js");
		assertThat(wall.headers().firstValue("Set-Cookie")).as("no session for a wall display").isEmpty();
		assertThat(wall.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		anonymous.send(request("/wall/" + token), HttpResponse.BodyHandlers.discarding());

		assertThat(PageSession.html(page.get("/wallboard/displays"))).doesNotContain("Never");
		assertThat(audit(id)).containsExactly(supervisor + " wall-display.create", "anonymous wall-display.first-use");
	}

	@Test
	void aRevokedLinkIsRefusedLikeOneThatNeverExistedAndItsOpenStreamEnds() throws Exception {
		String supervisor = supervisor();
		var page = PageSession.signIn(mvc, supervisor, PASSWORD);
		String name = "Waiting room " + UUID.randomUUID().toString().substring(0, 6);
		var link = LINK.matcher(PageSession.html(page.submit("/wallboard/displays", "/wallboard/displays", "name", name)));
		assertThat(link.find()).isTrue();
		String token = link.group(2);
		UUID id = jdbc.sql("select id from wall_displays where name = :name").param("name", name).query(UUID.class).single();

		HttpResponse<Stream<String>> stream = anonymous.send(request("/wall/" + token + "/events"),
				HttpResponse.BodyHandlers.ofLines());
		assertThat(stream.statusCode()).isEqualTo(200);
		var lines = stream.body().iterator();
		assertThat(lines.next()).as("a snapshot at once").startsWith("event:snapshot");
		// Read on until the server ends the stream; a live one would go on with a push every 5 s.
		CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> lines.forEachRemaining(line -> {
		}));

		var revoked = page.submit("/wallboard/displays", "/wallboard/displays/" + id + "/revoke");
		assertThat(revoked.getResponse().getRedirectedUrl()).isEqualTo("/wallboard/displays?revoked");
		ended.get(5, TimeUnit.SECONDS);

		var refused = anonymous.send(request("/wall/" + token), HttpResponse.BodyHandlers.ofString());
		var neverIssued = anonymous.send(request("/wall/" + DisplayToken.generate().value()), HttpResponse.BodyHandlers.ofString());
		var malformed = anonymous.send(request("/wall/not-a-token"), HttpResponse.BodyHandlers.ofString());
		assertThat(List.of(refused.statusCode(), neverIssued.statusCode(), malformed.statusCode())).containsOnly(404);
		assertThat(refused.body()).isEqualTo(neverIssued.body()).isEqualTo(malformed.body());
		assertThat(refused.body()).doesNotContain(name, "revoked");
		var refusedEvents = anonymous.send(request("/wall/" + token + "/events"), HttpResponse.BodyHandlers.ofString());
		var unknownEvents = anonymous.send(request("/wall/" + DisplayToken.generate().value() + "/events"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(refusedEvents.statusCode()).isEqualTo(404);
		assertThat(unknownEvents.statusCode()).isEqualTo(404);
		assertThat(refusedEvents.body()).isEqualTo(unknownEvents.body());

		String listed = PageSession.html(page.get("/wallboard/displays?revoked"));
		assertThat(listed).contains("The link is revoked").doesNotContain(name);
		assertThat(audit(id)).containsExactly(supervisor + " wall-display.create", "anonymous wall-display.first-use",
				supervisor + " wall-display.revoke");
		assertThat(links.revoke(id, supervisor)).as("revoked once only").isFalse();
	}

	@Test
	void aDisplayNeedsANameAndOnlySupervisorsAndAdministratorsManageThem() {
		var page = PageSession.signIn(mvc, supervisor(), PASSWORD);
		var unnamed = page.submit("/wallboard/displays", "/wallboard/displays", "name", "   ");
		assertThat(unnamed).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(PageSession.html(unnamed)).contains("Give the display a name").doesNotContain("id=\"new-link\"");

		var empty = PageSession.signIn(mvc, "admin", "test-admin-secret").get("/wallboard/displays");
		assertThat(empty).hasStatusOk();

		String frontDesk = "fd-" + UUID.randomUUID().toString().substring(0, 8);
		users.create(new NewUser(frontDesk, PASSWORD, Set.of(Role.FRONT_DESK), null));
		var desk = PageSession.signIn(mvc, frontDesk, PASSWORD);
		assertThat(desk.get("/wallboard/displays")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void withNoLinksThePageSaysSo() {
		jdbc.sql("update wall_displays set revoked_at = now(), revoked_by = 'test' where revoked_at is null").update();
		var page = PageSession.signIn(mvc, supervisor(), PASSWORD);
		assertThat(PageSession.html(page.get("/wallboard/displays"))).contains("No display links yet.")
			.contains("<label for=\"name\">Name of the screen</label>");
	}

	private List<String> audit(UUID display) {
		return jdbc.sql("""
				select actor || ' ' || action from audit_events
				where target_type = 'wall-display' and target_id = :id order by seq""")
			.param("id", display.toString())
			.query(String.class)
			.list();
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
	}

	private String supervisor() {
		String name = "sue-" + UUID.randomUUID().toString().substring(0, 8);
		users.create(new NewUser(name, PASSWORD, Set.of(Role.SUPERVISOR), null));
		return name;
	}
}
