package org.tandem.desk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tandem.desk.DeskFixtures.PASSWORD;
import static org.tandem.desk.DeskFixtures.unique;
import static org.tandem.desk.internal.SignedIn.html;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tandem.core.Channel;
import org.tandem.core.UsState;
import org.tandem.desk.ContactWrappedUp;
import org.tandem.desk.DeskFixtures;
import org.tandem.desk.Disposition;
import org.tandem.routing.ContactStatus;
import org.tandem.routing.Routing;
import org.tandem.security.NewUser;
import org.tandem.security.Role;
import org.tandem.security.UserAccounts;

/** The desktop's endpoints as its page calls them, signed in through the login form, on the real database. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RecordApplicationEvents
class DeskIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserAccounts users;

	@Autowired
	Routing routing;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@RegisterExtension
	final DeskFixtures fixtures = new DeskFixtures();

	@Test
	void showsTheOfferedClientWithTheirPartnerSafeContactChoicesAndWhyTheCallCameHere() {
		String name = unique("rosa");
		var therapist = fixtures.therapist(name, UsState.IL);
		String queue = unique("intake");
		fixtures.therapistQueue(queue, Duration.ofSeconds(30));
		var maria = fixtures.client("Maria Lopez", UsState.IL);
		fixtures.couple(maria, fixtures.client("Ana Lopez", UsState.IL));
		var desk = SignedIn.as(mvc, name, PASSWORD);
		assertThat(desk.post("/desk/presence", "{\"presence\": \"AVAILABLE\"}")).hasStatusOk();

		var contact = fixtures.call(queue, maria, UsState.IL);

		assertThat(contact.offeredTo()).isEqualTo(therapist.id());
		String state = html(desk.get("/desk/state"));
		assertThat((String) read(state, "$.presence")).isEqualTo("OFFERED");
		assertThat((String) read(state, "$.offer.contactId")).isEqualTo(contact.id().toString());
		var card = desk.get("/desk/contacts/" + contact.id());
		assertThat(card).hasStatusOk();
		String json = html(card);
		assertThat((String) read(json, "$.status")).isEqualTo("OFFERED");
		assertThat((String) read(json, "$.client.name")).isEqualTo("Maria Lopez");
		assertThat((String) read(json, "$.client.pronouns")).isEqualTo("she/her");
		assertThat((String) read(json, "$.partner.name")).isEqualTo("Ana Lopez");
		assertThat((String) read(json, "$.language")).isEqualTo("Spanish");
		assertThat((String) read(json, "$.currentState")).isEqualTo("Illinois (IL)");
		assertThat((Boolean) read(json, "$.phones[0].okToCall")).isTrue();
		assertThat((Boolean) read(json, "$.phones[0].okToText")).isFalse();
		assertThat((Boolean) read(json, "$.phones[0].okToLeaveDetailedVoicemail")).isFalse();
		assertThat((List<String>) read(json, "$.choices[*].label")).containsExactly("Language", "Main menu", "ZIP code");
		assertThat((List<String>) read(json, "$.choices[*].value")).containsExactly("Spanish", "1", "60614");
		assertThat((String) read(json, "$.why.step")).isEqualTo("Step 1 of 1: Licensed therapist");
		assertThat((List<String>) read(json, "$.why.passed")).contains("licensed in Illinois, where the client is now");
		assertThat((List<String>) read(json, "$.why.scores[*].criterion")).contains("works with people like them");
		assertThat(jdbc.sql("select count(*) from audit_events where action = 'client.read' and target_id = :id and actor = :actor")
			.param("id", maria.id().toString()).param("actor", name).query(Integer.class).single())
			.as("showing the card is a read of the client's record").isEqualTo(1);
	}

	@Test
	void aLateAcceptIsAConflictThatSaysTheOfferPassedToSomeoneElse() {
		String name = unique("late");
		var therapist = fixtures.therapist(name, UsState.IL);
		String queue = unique("short-offers");
		fixtures.therapistQueue(queue, Duration.ofSeconds(1));
		var desk = SignedIn.as(mvc, name, PASSWORD);
		desk.post("/desk/presence", "{\"presence\": \"AVAILABLE\"}");
		var contact = fixtures.call(queue, null, UsState.IL);
		assertThat(contact.offeredTo()).isEqualTo(therapist.id());

		await().atMost(Duration.ofSeconds(5))
			.until(() -> routing.contact(contact.id()).orElseThrow().status() == ContactStatus.WAITING);
		var late = desk.post("/desk/contacts/" + contact.id() + "/accept", null);

		assertThat(late).hasStatus(HttpStatus.CONFLICT);
		assertThat((String) read(html(late), "$.detail")).isEqualTo("This offer has passed to someone else.");
		assertThat(desk.get("/desk/contacts/" + contact.id())).hasStatus(HttpStatus.CONFLICT);
	}

	@Test
	void anotherAgentNeitherSeesNorTakesAContactOfferedToSomeoneElse() {
		String first = unique("first");
		String second = unique("second");
		var offered = fixtures.therapist(first, UsState.IL);
		fixtures.therapist(second, UsState.IL);
		String queue = unique("one-of-two");
		fixtures.therapistQueue(queue, Duration.ofSeconds(30));
		SignedIn.as(mvc, first, PASSWORD).post("/desk/presence", "{\"presence\": \"AVAILABLE\"}");
		var contact = fixtures.call(queue, fixtures.client("Lee Park", UsState.IL), UsState.IL);
		assertThat(contact.offeredTo()).isEqualTo(offered.id());

		var other = SignedIn.as(mvc, second, PASSWORD);

		assertThat(other.get("/desk/contacts/" + contact.id())).as("never offered to them").hasStatus(HttpStatus.FORBIDDEN);
		assertThat(other.post("/desk/contacts/" + contact.id() + "/accept", null)).hasStatus(HttpStatus.CONFLICT);
		assertThat(routing.contact(contact.id()).orElseThrow().offeredTo()).isEqualTo(offered.id());
	}

	@Test
	void wrapsUpWithANoteAndADispositionThatTheDayListShows() {
		String name = unique("wrap");
		var therapist = fixtures.therapist(name, UsState.IL);
		String queue = unique("wrap-ups");
		fixtures.therapistQueue(queue, Duration.ofSeconds(30));
		var client = fixtures.client("Noor Haddad", UsState.IL);
		var desk = SignedIn.as(mvc, name, PASSWORD);
		desk.post("/desk/presence", "{\"presence\": \"AVAILABLE\"}");
		var contact = fixtures.call(queue, client, UsState.IL);
		String path = "/desk/contacts/" + contact.id();

		assertThat(desk.post(path + "/accept", null)).hasStatusOk();
		assertThat(desk.put(path + "/note", "{\"note\": \"First call.\", \"disposition\": \"BOOKED_INTAKE\"}"))
			.as("a disposition waits for the end").hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(desk.put(path + "/note", "{\"note\": \"First call.\"}")).hasStatusOk();
		var ended = desk.post(path + "/end", null);
		assertThat((String) read(html(ended), "$.status")).isEqualTo("COMPLETED");
		var wrapped = desk.put(path + "/note", "{\"note\": \"First call; intake on Tuesday.\", \"disposition\": \"BOOKED_INTAKE\"}");

		assertThat(wrapped).hasStatusOk();
		assertThat((String) read(html(wrapped), "$.note")).isEqualTo("First call; intake on Tuesday.");
		assertThat((String) read(html(wrapped), "$.disposition")).isEqualTo("BOOKED_INTAKE");
		assertThat(events.stream(ContactWrappedUp.class)).singleElement().satisfies(e -> {
			assertThat(e.contactId()).isEqualTo(contact.id());
			assertThat(e.agentId()).isEqualTo(therapist.id());
			assertThat(e.clientId()).isEqualTo(client.id());
			assertThat(e.disposition()).isEqualTo(Disposition.BOOKED_INTAKE);
		});
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			String today = html(desk.get("/desk/today"));
			assertThat((List<String>) read(today, "$[*].contactId")).containsExactly(contact.id().toString());
			assertThat((String) read(today, "$[0].client")).isEqualTo("Noor Haddad");
			assertThat((String) read(today, "$[0].disposition")).isEqualTo("Booked intake");
		});
	}

	@Test
	void aCallTakenOnScreenThatWentBackInLineLeavesTheDayListAndTheCard() {
		String name = unique("requeue");
		var therapist = fixtures.therapist(name, UsState.IL);
		String queue = unique("requeues");
		fixtures.therapistQueue(queue, Duration.ofSeconds(30));
		var desk = SignedIn.as(mvc, name, PASSWORD);
		desk.post("/desk/presence", "{\"presence\": \"AVAILABLE\"}");
		var contact = fixtures.call(queue, fixtures.client("Kai Brooks", UsState.IL), UsState.IL);
		String path = "/desk/contacts/" + contact.id();
		assertThat(desk.post(path + "/accept", null)).hasStatusOk();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
				(List<String>) read(html(desk.get("/desk/today")), "$[*].contactId")).containsExactly(contact.id().toString()));

		// What the call does when the therapist's phone turns out busy.
		routing.requeue(contact.id(), therapist.id());

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
				(List<String>) read(html(desk.get("/desk/today")), "$[*].contactId")).isEmpty());
		assertThat(desk.get(path)).hasStatus(HttpStatus.CONFLICT);
		assertThat((String) read(html(desk.get("/desk/state")), "$.presence")).isEqualTo("AVAILABLE");
	}

	@Test
	void theFrontDeskRecordsADispositionButNeverWritesOrReadsANote() {
		String name = unique("desk");
		fixtures.frontDesk(name);
		String queue = unique("front");
		fixtures.frontDeskQueue(queue);
		var desk = SignedIn.as(mvc, name, PASSWORD);
		assertThat(html(desk.get("/desk"))).doesNotContain("data-field=\"note\"");
		desk.post("/desk/presence", "{\"presence\": \"AVAILABLE\"}");
		var contact = fixtures.call(queue, fixtures.client("Sam Rivera", UsState.IL), UsState.IL);
		String path = "/desk/contacts/" + contact.id();
		assertThat(desk.post(path + "/accept", null)).hasStatusOk();
		jdbc.sql("insert into desk_notes (contact_id, agent_id, body, created_at, updated_at) values (:id, :agent, 'clinical', now(), now())")
			.param("id", contact.id()).param("agent", UUID.randomUUID()).update();

		assertThat(desk.put(path + "/note", "{\"note\": \"a note\"}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(desk.post(path + "/end", null)).hasStatusOk();
		var wrapped = desk.put(path + "/note", "{\"disposition\": \"INFORMATION_GIVEN\"}");

		assertThat(wrapped).hasStatusOk();
		assertThat((Boolean) read(html(wrapped), "$.notesAllowed")).isFalse();
		assertThat(html(wrapped)).doesNotContain("clinical").doesNotContain("\"note\"");
		assertThat(jdbc.sql("select disposition || ': ' || body from desk_notes where contact_id = :id")
			.param("id", contact.id()).query(String.class).single())
			.as("the note the front desk cannot see is left as it was").isEqualTo("INFORMATION_GIVEN: clinical");
	}

	@Test
	void transfersACallAsACallbackToAnotherQueueAndEndsItHere() {
		String name = unique("transfer");
		fixtures.therapist(name, UsState.IL);
		String intake = unique("from");
		String frontDesk = unique("to");
		fixtures.therapistQueue(intake, Duration.ofSeconds(30));
		fixtures.frontDeskQueue(frontDesk);
		var client = fixtures.client("Kai Moreno", UsState.IL);
		var desk = SignedIn.as(mvc, name, PASSWORD);
		desk.post("/desk/presence", "{\"presence\": \"AVAILABLE\"}");
		var contact = fixtures.call(intake, client, UsState.IL);
		desk.post("/desk/contacts/" + contact.id() + "/accept", null);

		var transferred = desk.post("/desk/contacts/" + contact.id() + "/transfer", "{\"queue\": \"" + frontDesk + "\"}");

		assertThat(transferred).hasStatus(HttpStatus.CREATED);
		var created = routing.contact(UUID.fromString(read(html(transferred), "$.contactId"))).orElseThrow();
		assertThat(created.queue()).isEqualTo(frontDesk);
		assertThat(created.channel()).isEqualTo(Channel.CALLBACK);
		assertThat(created.clientId()).isEqualTo(client.id());
		assertThat(created.arrivedAt()).as("it keeps its place in line").isEqualTo(contact.arrivedAt());
		assertThat(created.context()).containsEntry("zip", "60614").containsEntry("transferredFrom", intake)
			.containsEntry("transferredBy", "Dr " + name);
		assertThat(routing.contact(contact.id()).orElseThrow().status()).isEqualTo(ContactStatus.COMPLETED);
		assertThat(desk.post("/desk/contacts/" + contact.id() + "/transfer", "{\"queue\": \"" + frontDesk + "\"}"))
			.hasStatus(HttpStatus.CONFLICT);
	}

	@Test
	void aUserWithoutAStaffMemberIsToldWhyThereIsNoDesktop() {
		String name = unique("manager");
		users.create(new NewUser(name, PASSWORD, Set.of(Role.SUPERVISOR), null));

		var desk = SignedIn.as(mvc, name, PASSWORD);

		assertThat(html(desk.get("/desk"))).contains("not linked to a staff member");
		assertThat(desk.get("/desk/state")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void refusesAPresenceThatOnlyRoutingSets() {
		String name = unique("busy");
		fixtures.therapist(name, UsState.IL);
		var desk = SignedIn.as(mvc, name, PASSWORD);

		MvcTestResult refused = desk.post("/desk/presence", "{\"presence\": \"BUSY\"}");

		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat((String) read(html(refused), "$.field")).isEqualTo("presence");
	}

	@SuppressWarnings("unchecked")
	private static <T> T read(String json, String path) {
		return (T) JsonPath.read(json, path);
	}
}
