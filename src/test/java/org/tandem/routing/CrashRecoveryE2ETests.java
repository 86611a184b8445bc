package org.tandem.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.support.TandemProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tandem killed with SIGKILL while contacts pour in and agents take them, then started again on the
 * same embedded database: the queue that comes back is the queue that was committed, in the same
 * order with the same arrival times; offers in flight ring again; nothing is assigned twice.
 */
class CrashRecoveryE2ETests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Row(UUID id, String status, Instant arrivedAt, long sequence, UUID offeredTo, UUID assignedTo) {
	}

	@TempDir
	Path folder;

	@Test
	void aHardKilledTandemComesBackWithTheQueueItHadCommitted() throws Exception {
		Path data = folder.resolve("postgres");
		List<UUID> agents = new ArrayList<>();
		Map<UUID, Instant> acknowledged = new ConcurrentHashMap<>();
		List<Row> atTheKill;
		try (TandemProcess tandem = TandemProcess.start(data, folder.resolve("first.log"))) {
			assertThat(tandem.put("/api/queues/crash", """
					{"offerTimeoutSeconds": 30, "steps": [{"name": "Anyone licensed", "target": "THERAPISTS",
					 "filters": ["LICENSED"], "strategy": "LONGEST_IDLE"}]}""").statusCode()).isEqualTo(200);
			for (int i = 0; i < 6; i++) {
				UUID agent = hire(tandem, "Crash Therapist " + i);
				agents.add(agent);
				assertThat(tandem.put("/api/agents/" + agent + "/presence", "{\"presence\": \"AVAILABLE\"}").statusCode())
					.isEqualTo(200);
			}

			ExecutorService load = Executors.newFixedThreadPool(4);
			for (int t = 0; t < 3; t++) {
				int priority = t;
				load.submit(() -> enqueueUntilDead(tandem, priority, acknowledged));
			}
			load.submit(() -> acceptUntilDead(tandem));
			// Killed mid-stream once enough has happened, however busy the machine is.
			Instant earliest = Instant.now().plusSeconds(2);
			Instant latest = Instant.now().plusSeconds(60);
			while (Instant.now().isBefore(latest) && (Instant.now().isBefore(earliest) || acknowledged.size() < 40)) {
				Thread.sleep(50);
			}
			tandem.killHard();
			load.shutdown();
			assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
			atTheKill = openContacts(data);
		}

		assertThat(acknowledged).hasSizeGreaterThan(20);
		assertThat(atTheKill).extracting(Row::status).contains("WAITING");

		try (TandemProcess tandem = TandemProcess.start(data, folder.resolve("second.log"))) {
			List<Row> afterRestart = openContacts(data);

			assertThat(afterRestart).extracting(Row::id).containsExactlyElementsOf(atTheKill.stream().map(Row::id).toList());
			assertThat(afterRestart).extracting(Row::arrivedAt)
				.containsExactlyElementsOf(atTheKill.stream().map(Row::arrivedAt).toList());
			assertThat(afterRestart).extracting(Row::sequence)
				.containsExactlyElementsOf(atTheKill.stream().map(Row::sequence).toList());
			for (Row before : atTheKill) {
				Row after = afterRestart.stream().filter(r -> r.id().equals(before.id())).findFirst().orElseThrow();
				if (before.status().equals("OFFERED")) {
					assertThat(after.status()).as("an offer in flight rings again").isEqualTo("OFFERED");
					assertThat(after.offeredTo()).isEqualTo(before.offeredTo());
				}
				if (before.status().equals("ASSIGNED")) {
					assertThat(after.assignedTo()).isEqualTo(before.assignedTo());
				}
			}
			Map<UUID, Instant> stored = arrivals(data);
			acknowledged.forEach((id, arrivedAt) -> assertThat(stored).containsEntry(id, arrivedAt));
			assertThat(scalar(data, "select count(*) - count(distinct contact_id) from routing_assignments")).isZero();
			assertThat(scalar(data, "select count(*) from routing_contacts c where status in ('ASSIGNED', 'COMPLETED')"
					+ " and not exists (select 1 from routing_assignments a where a.contact_id = c.id)")).isZero();

			Row ringing = afterRestart.stream().filter(r -> r.status().equals("OFFERED")).findFirst().orElseThrow();
			var accepted = tandem.post("/api/contacts/" + ringing.id() + "/accept", "{\"agentId\": \"" + ringing.offeredTo() + "\"}");
			assertThat(accepted.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(accepted.body()).get("status").asText()).isEqualTo("ASSIGNED");
		}
	}

	private static UUID hire(TandemProcess tandem, String name) throws Exception {
		var week = new StringBuilder();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
			week.append(week.isEmpty() ? "" : ",").append("{\"day\": \"").append(day).append("\", \"from\": \"00:00\", \"to\": \"00:00\"}");
		}
		var response = tandem.post("/api/staff", """
				{"name": "%s", "role": "THERAPIST", "languages": ["en"], "acceptingNewClients": true,
				 "licenses": [{"state": "TX", "type": "LMFT", "number": "LMFT-1", "status": "ACTIVE", "expiresOn": "2030-01-01"}],
				 "fees": {"standard": 150, "lowFeeSlots": 0},
				 "availability": {"zone": "America/Chicago", "weekly": [%s]},
				 "capacity": {"VOICE": 1, "CHAT": 2}}""".formatted(name, week));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return UUID.fromString(JSON.readTree(response.body()).get("id").asText());
	}

	private static Void enqueueUntilDead(TandemProcess tandem, int priority, Map<UUID, Instant> acknowledged) {
		for (int i = 0;; i++) {
			String channel = i % 2 == 0 ? "VOICE" : "CHAT";
			try {
				var response = tandem.post("/api/contacts", """
						{"queue": "crash", "channel": "%s", "priority": %d, "needs": {"currentState": "TX"}}"""
					.formatted(channel, priority));
				if (response.statusCode() == 201) {
					JsonNode body = JSON.readTree(response.body());
					acknowledged.put(UUID.fromString(body.get("id").asText()), Instant.parse(body.get("arrivedAt").asText()));
				}
			}
			catch (IOException | InterruptedException dead) {
				return null;
			}
		}
	}

	private static Void acceptUntilDead(TandemProcess tandem) {
		try {
			for (int round = 0;; round++) {
				JsonNode agents = JSON.readTree(tandem.get("/api/agents").body());
				for (JsonNode agent : agents) {
					JsonNode offer = agent.get("pendingOffer");
					// Every other round leaves offers ringing, so some are in flight when the process dies.
					if (offer != null && round % 2 == 0) {
						tandem.post("/api/contacts/" + offer.asText() + "/accept",
								"{\"agentId\": \"" + agent.get("agentId").asText() + "\"}");
					}
				}
				Thread.sleep(100);
			}
		}
		catch (IOException | InterruptedException dead) {
			return null;
		}
	}

	/** Read straight from PostgreSQL, which outlives the killed process (or was started by the new one). */
	private static List<Row> openContacts(Path data) throws Exception {
		try (var connection = DriverManager.getConnection(url(data), "postgres", "");
				var statement = connection.createStatement();
				var rows = statement.executeQuery("""
						select id, status, arrived_at, sequence, offered_to, assigned_to from routing_contacts
						where status in ('WAITING', 'OFFERED', 'ASSIGNED') order by priority desc, arrived_at, sequence""")) {
			var list = new ArrayList<Row>();
			while (rows.next()) {
				list.add(new Row(rows.getObject(1, UUID.class), rows.getString(2),
						rows.getObject(3, OffsetDateTime.class).toInstant(), rows.getLong(4), rows.getObject(5, UUID.class),
						rows.getObject(6, UUID.class)));
			}
			return list;
		}
	}

	private static Map<UUID, Instant> arrivals(Path data) throws Exception {
		try (var connection = DriverManager.getConnection(url(data), "postgres", "");
				var statement = connection.createStatement();
				var rows = statement.executeQuery("select id, arrived_at from routing_contacts")) {
			var map = new java.util.HashMap<UUID, Instant>();
			while (rows.next()) {
				map.put(rows.getObject(1, UUID.class), rows.getObject(2, OffsetDateTime.class).toInstant());
			}
			return map;
		}
	}

	private static long scalar(Path data, String sql) throws Exception {
		try (var connection = DriverManager.getConnection(url(data), "postgres", "");
				var statement = connection.createStatement();
				var rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** The running server's port is the fourth line of its postmaster.pid. */
	private static String url(Path data) throws IOException {
		String port = Files.readAllLines(data.resolve("postmaster.pid")).get(3).trim();
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}
}
