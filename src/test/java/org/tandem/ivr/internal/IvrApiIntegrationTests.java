package org.tandem.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tandem.core.PhoneNumber;
import org.tandem.ivr.IvrFixtures;
import org.tandem.ivr.IvrFlows;
import org.tandem.ivr.IvrInput;
import org.tandem.ivr.IvrState;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IvrApiIntegrationTests {

	static final String ADMIN = "Basic "
			+ Base64.getEncoder().encodeToString("admin:test-admin-secret".getBytes(StandardCharsets.UTF_8));

	static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	static final MediaType WAV = MediaType.parseMediaType("audio/wav");

	static final String SMALL = """
			{"start": "notice", "nodes": {
			  "notice": {"type": "emergency", "next": "main-menu"},
			  "main-menu": {"type": "menu", "prompt": "%s", "options": {"1": "desk", "3": "%s"}, "default": "desk"},
			  "desk": {"type": "enqueue", "queue": "front-desk"}}}
			""";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IvrFlows ivr;

	MvcTestResult put(String path, MediaType type, byte[] body) {
		return mvc.put().uri(path).header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(type).content(body).exchange();
	}

	MvcTestResult put(String path, MediaType type, String body) {
		return put(path, type, body.getBytes(StandardCharsets.UTF_8));
	}

	MvcTestResult get(String path) {
		return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, ADMIN).exchange();
	}

	MvcTestResult activate(String path, String number) {
		return mvc.post().uri(path).header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(APPLICATION_JSON)
			.content("{\"number\": \"" + number + "\"}").exchange();
	}

	int rows(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	static byte[] resource(String path) throws IOException {
		try (var in = IvrApiIntegrationTests.class.getResourceAsStream(path)) {
			return in.readAllBytes();
		}
	}

	@Test
	void storesEachSaveAsANewVersionFromYamlOrJson() throws IOException {
		assertThat(put("/api/ivr/flows/demo-versions", YAML, resource("/ivr/flows/demo.yaml"))).hasStatusOk()
			.bodyJson().extractingPath("$.version").isEqualTo(1);
		assertThat(put("/api/ivr/flows/demo-versions", APPLICATION_JSON, SMALL.formatted("main-menu", "desk")))
			.hasStatusOk().bodyJson().extractingPath("$.version").isEqualTo(2);

		assertThat(get("/api/ivr/flows/demo-versions")).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.version").isEqualTo(2);
			assertThat(json).extractingPath("$.flow.nodes.main-menu.default").isEqualTo("desk");
		});
		assertThat(get("/api/ivr/flows/demo-versions/versions")).bodyJson().extractingPath("$[*].version").asArray()
			.containsExactly(1, 2);
		assertThat(get("/api/ivr/flows/demo-versions/versions/1")).bodyJson()
			.extractingPath("$.flow.nodes.office-hours.timeZone").isEqualTo("America/Chicago");
		assertThat(get("/api/ivr/flows/no-such-flow")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void refusesAFlowNamingTheNodeAndStoresNothing() {
		int before = rows("ivr_flows");

		assertThat(put("/api/ivr/flows/broken", APPLICATION_JSON, SMALL.formatted("main-menu", "nowhere")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field").isEqualTo("nodes.main-menu.options.3");
		assertThat(put("/api/ivr/flows/broken", APPLICATION_JSON, SMALL.formatted("jingle", "desk")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field").isEqualTo("nodes.main-menu.prompt");
		assertThat(put("/api/ivr/flows/broken", YAML, "start: a\nnodes:\n  a: {type: dance}\n"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field").isEqualTo("nodes.a.type");
		assertThat(put("/api/ivr/flows/broken", YAML, "start: [unclosed")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(rows("ivr_flows")).isEqualTo(before);
	}

	@Test
	void answersADialledNumberWithTheActivatedVersion() {
		put("/api/ivr/flows/answering", APPLICATION_JSON, SMALL.formatted("main-menu", "desk"));
		put("/api/ivr/flows/answering", APPLICATION_JSON, SMALL.formatted("welcome", "desk"));

		assertThat(activate("/api/ivr/flows/answering/versions/1/activate", "(512) 555-0177")).hasStatusOk()
			.bodyJson().extractingPath("$.activeOn").asArray().containsExactly("+15125550177");
		assertThat(ivr.activeFor(new PhoneNumber("+15125550177"))).get().extracting(v -> v.version()).isEqualTo(1);

		activate("/api/ivr/flows/answering/versions/2/activate", "+15125550177");
		var active = ivr.activeFor(new PhoneNumber("+15125550177")).orElseThrow();
		assertThat(active.version()).isEqualTo(2);
		var first = ivr.interpreter(active)
			.step(IvrState.begin(), new IvrInput.CallStarted(null, "+15125550177", java.time.Instant.now()));
		assertThat(first.actions().toString()).contains("emergency");

		assertThat(activate("/api/ivr/flows/answering/versions/9/activate", "+15125550177"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(activate("/api/ivr/flows/answering/versions/1/activate", "not a number"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field").isEqualTo("number");
	}

	@Test
	void seedsTheCrisisConfigurationThatTheDefaultPromptsSpeak() {
		assertThat(get("/api/ivr/crisis")).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.notice.en")
				.isEqualTo(IvrFixtures.promptTexts("en").getProperty("emergency"));
			assertThat(json).extractingPath("$.notice.es")
				.isEqualTo(IvrFixtures.promptTexts("es").getProperty("emergency"));
			assertThat(json).extractingPath("$.lines[1].options").asMap().containsOnlyKeys("1", "2");
			assertThat(json).extractingPath("$.lines[2].number").isEqualTo("+18664887386");
			assertThat(json).extractingPath("$.reviewBy").isNotNull();
		});
	}

	@Test
	void replacesTheCrisisConfigurationOnlyWhenItHoldsTogether() throws Exception {
		String current = get("/api/ivr/crisis").getResponse().getContentAsString();

		String withOption3 = current.replace("\"2\":\"Spanish\"", "\"2\":\"Spanish\",\"3\":\"LGBTQ+ youth\"");
		assertThat(put("/api/ivr/crisis", APPLICATION_JSON, withOption3)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.field").isEqualTo("lines[1].options.3");
		assertThat(get("/api/ivr/crisis")).bodyJson().extractingPath("$.lines[1].options").asMap().doesNotContainKey("3");

		String reviewed = current.replace("\"reviewBy\":\"2027-05-27\"", "\"reviewBy\":\"2027-06-30\"");
		try {
			assertThat(put("/api/ivr/crisis", APPLICATION_JSON, reviewed)).hasStatusOk();
			assertThat(get("/api/ivr/crisis")).bodyJson().extractingPath("$.reviewBy").isEqualTo("2027-06-30");
		}
		finally {
			// The application context, and so the database, is shared with the other tests of this class.
			put("/api/ivr/crisis", APPLICATION_JSON, current);
		}
	}

	@Test
	void seesACrisisConfigurationThatAnotherInstanceStored() throws Exception {
		String current = get("/api/ivr/crisis").getResponse().getContentAsString();
		try {
			// What another Tandem on the same database does when an administrator saves there.
			jdbc.sql("update ivr_crisis set configuration = :configuration::json where id = 1")
				.param("configuration", current.replace("\"reviewBy\":\"2027-05-27\"", "\"reviewBy\":\"2027-07-01\""))
				.update();
			assertThat(get("/api/ivr/crisis")).bodyJson().extractingPath("$.reviewBy").isEqualTo("2027-07-01");
		}
		finally {
			put("/api/ivr/crisis", APPLICATION_JSON, current);
		}
		assertThat(get("/api/ivr/crisis")).bodyJson().extractingPath("$.reviewBy").isEqualTo("2027-05-27");
	}

	@Test
	void letsAPracticeUseItsOwnRecordingOnceEveryLanguageHasIt() throws IOException {
		byte[] recording = resource("/ivr/prompts/en/welcome.wav");

		assertThat(put("/api/ivr/prompts/en/jingle", WAV, recording)).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(put("/api/ivr/flows/jingle", APPLICATION_JSON, SMALL.formatted("jingle", "desk")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field").isEqualTo("nodes.main-menu.prompt");

		assertThat(put("/api/ivr/prompts/es/jingle", WAV, recording)).hasStatus(HttpStatus.NO_CONTENT);
		assertThat(put("/api/ivr/flows/jingle", APPLICATION_JSON, SMALL.formatted("jingle", "desk"))).hasStatusOk();
		assertThat(get("/api/ivr/prompts/es/jingle")).hasStatusOk().hasContentType(WAV);
	}

	@Test
	void refusesARecordingThatCannotBePlayedAsItIs() {
		byte[] cdQuality = PromptLibraryTests.wav(WaveFile.PCM, 2, 44100, 16, 1);

		assertThat(put("/api/ivr/prompts/en/welcome", WAV, cdQuality)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.field").isEqualTo("audio");
		assertThat(put("/api/ivr/prompts/fr/welcome", WAV, PromptLibraryTests.wav(WaveFile.PCM, 1, 8000, 16, 1)))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.field").isEqualTo("language");
	}
}
