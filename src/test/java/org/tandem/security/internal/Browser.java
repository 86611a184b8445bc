package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** One person's browser: a session kept across requests, and forms sent with the CSRF token of their page. */
final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final MockMvcTester mvc;
	private MockHttpSession session = new MockHttpSession();

	Browser(MockMvcTester mvc) {
		this.mvc = mvc;
	}

	String sessionId() {
		return session.getId();
	}

	MvcTestResult get(String uri) {
		MvcTestResult result = mvc.get().uri(uri).session(session).exchange();
		follow(result);
		return result;
	}

	/** Opens {@code page} and sends its form to {@code action}, as a person clicking the button would. */
	MvcTestResult submit(String page, String action, Map<String, String> fields) {
		MvcTestResult form = get(page);
		assertThat(form).hasStatusOk();
		var matcher = CSRF.matcher(html(form));
		assertThat(matcher.find()).as("the page %s carries a CSRF token", page).isTrue();
		return post(action, fields, matcher.group(1));
	}

	MvcTestResult post(String action, Map<String, String> fields, String csrf) {
		var request = mvc.post().uri(action).session(session);
		fields.forEach((name, value) -> request.param(name, value));
		if (csrf != null) {
			request.param("_csrf", csrf);
		}
		MvcTestResult result = request.exchange();
		follow(result);
		return result;
	}

	MvcTestResult signIn(String username, String password) {
		return submit("/login", "/login", Map.of("username", username, "password", password));
	}

	static String html(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	static String redirect(MvcTestResult result) {
		return result.getResponse().getRedirectedUrl();
	}

	/** A request that invalidated the session (signing out) leaves the browser with the new one. */
	private void follow(MvcTestResult result) {
		if (result.getRequest().getSession(false) instanceof MockHttpSession current) {
			session = current;
		}
	}
}
