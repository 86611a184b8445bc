package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tandem.directory.StaffFixtures;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffMemberBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Users and staff for the security tests, made through the API the way an administrator would. */
final class SecurityFixtures {

	static final String ADMIN = basic("admin", "test-admin-secret");

	private static final AtomicInteger NAMES = new AtomicInteger();

	private final MockMvcTester mvc;
	private final JsonMapper json;

	SecurityFixtures(MockMvcTester mvc, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	static String basic(String username, String password) {
		return "Basic " + HttpHeaders.encodeBasicAuth(username, password, StandardCharsets.UTF_8);
	}

	/** A user name no other test uses, since tests share their database. */
	static String uniqueName(String stem) {
		return stem + "-" + NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
	}

	static StaffMember therapist(String name) {
		return StaffMemberBuilder.from(StaffFixtures.couplesTherapist()).id(UUID.randomUUID()).name(name).sipUser(null)
			.build();
	}

	UUID createUser(String username, String password, String role, UUID staffId) {
		var body = new LinkedHashMap<String, Object>();
		body.put("username", username);
		body.put("password", password);
		body.put("roles", List.of(role));
		body.put("staffId", staffId);
		MvcTestResult created = post("/api/users", body, ADMIN);
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return UUID.fromString(read(created, "$.id"));
	}

	/**
	 * Enrols an authenticator for the user through the API, spending the current step on the confirmation: a
	 * test moves the clock on before it uses another code.
	 */
	Authenticator enrol(String authorization, Clock clock) {
		MvcTestResult started = post("/api/me/totp", Map.of(), authorization);
		assertThat(started).hasStatusOk();
		var authenticator = new Authenticator(Base32.decode(read(started, "$.secret")), clock);
		assertThat(post("/api/me/totp/confirm", Map.of("code", authenticator.code()), authorization)).hasStatusOk();
		return authenticator;
	}

	/** A GET with HTTP Basic and the authenticator code in its header. */
	MvcTestResult get(String uri, String authorization, String totpCode) {
		return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, authorization)
			.header(ApiSignInDetails.TOTP_HEADER, totpCode).exchange();
	}

	MvcTestResult get(String uri, String authorization) {
		return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, authorization).exchange();
	}

	MvcTestResult post(String uri, Object body, String authorization) {
		return mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)).exchange();
	}

	MvcTestResult put(String uri, Object body, String authorization) {
		return mvc.put().uri(uri).header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)).exchange();
	}

	static <T> T read(MvcTestResult result, String path) {
		return JsonPath.read(Browser.html(result), path);
	}

	static Map<String, String> form(String... pairs) {
		var form = new LinkedHashMap<String, String>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.put(pairs[i], pairs[i + 1]);
		}
		return form;
	}
}
