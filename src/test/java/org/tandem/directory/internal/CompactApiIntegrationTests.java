package org.tandem.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tandem.core.UsState;
import org.tandem.directory.Compact;
import org.tandem.directory.CompactTableChanged;
import org.tandem.directory.Directory;
import tools.jackson.databind.JsonNode;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RecordApplicationEvents
class CompactApiIntegrationTests {

	private static final String TABLE = """
			[
			  {"compact": "PSYPACT", "state": "TX", "since": "2020-07-01"},
			  {"compact": "counseling compact", "state": "wa", "since": "2026-06-01", "until": "2027-06-30",
			   "note": "announced by the commission"}
			]
			""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Directory directory;

	/** The seeded table, put back after each test because the database outlives it. */
	String seeded;

	@BeforeEach
	void rememberTheSeededTable() {
		seeded = text(get());
	}

	@AfterEach
	void restoreTheSeededTable() {
		assertThat(put(seeded)).hasStatusOk();
	}

	@Test
	void startsFromTheDatedPsypactTableAndNoOtherCompact() {
		JsonNode table = json(get());

		assertThat(table.valueStream().map(row -> row.get("compact").asString())).containsOnly("PSYPACT");
		assertThat(table.valueStream().map(row -> row.get("state").asString())).contains("TX", "CO", "PA")
			.doesNotContain("CA", "NY");
		assertThat(table.valueStream().map(row -> row.get("note").asString()))
			.allMatch(note -> note.contains("verify"));
	}

	@Test
	void replacesTheWholeTable(ApplicationEvents events) {
		MvcTestResult result = put(TABLE);

		assertThat(result).hasStatusOk();
		assertThat(json(get())).isEqualTo(json(result)).hasSize(2);
		var table = directory.compactTable();
		assertThat(table.operational(Compact.COUNSELING_COMPACT, UsState.WA, LocalDate.of(2027, 6, 30))).isTrue();
		assertThat(table.operational(Compact.COUNSELING_COMPACT, UsState.WA, LocalDate.of(2027, 7, 1))).isFalse();
		assertThat(table.operational(Compact.PSYPACT, UsState.CO, LocalDate.of(2027, 1, 1))).isFalse();
		assertThat(events.stream(CompactTableChanged.class)).hasSize(1);
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"compact": "PSYPACT", "state": "TX", "since": "2027-01-01", "until": "2026-12-31"} | [1].until
			{"compact": "NURSE_COMPACT", "state": "TX", "since": "2020-07-01"}                  | [1].compact
			{"compact": "PSYPACT", "state": "TEXAS", "since": "2020-07-01"}                     | [1].state
			{"compact": "PSYPACT", "state": "TX"}                                               | [1].since
			{"compact": "PSYPACT", "state": "TX", "since": "July 2020"}                         | [1].since
			""")
	void rejectsABadRowNamingItAndKeepsTheTable(String row, String field, ApplicationEvents events) {
		String body = "[{\"compact\": \"PSYPACT\", \"state\": \"CO\", \"since\": \"2020-07-01\"}, " + row + "]";

		MvcTestResult result = put(body);

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(json(result).get("field").asString()).isEqualTo(field);
		assertThat(text(get())).isEqualTo(seeded);
		assertThat(events.stream(CompactTableChanged.class)).isEmpty();
	}

	@Test
	void answersUnauthorizedWithoutCredentials() {
		assertThat(mvc.get().uri("/api/compacts")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.put().uri("/api/compacts").contentType(APPLICATION_JSON).content("[]"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(text(get())).isEqualTo(seeded);
	}

	private MvcTestResult get() {
		return mvc.get().uri("/api/compacts").header(AUTHORIZATION, Admin.AUTHORIZATION).exchange();
	}

	private MvcTestResult put(String body) {
		return mvc.put().uri("/api/compacts").header(AUTHORIZATION, Admin.AUTHORIZATION).contentType(APPLICATION_JSON)
			.content(body).exchange();
	}

	private static String text(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private static JsonNode json(MvcTestResult result) {
		return StaffRequests.JSON.readTree(result.getResponse().getContentAsByteArray());
	}
}
