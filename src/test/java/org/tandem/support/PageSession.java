package org.tandem.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * One person's browser over MockMvc: signed in through the login form, a session kept across requests, and
 * forms sent with the CSRF token of the page they are on, as a person clicking the button would.
 */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final MockMvcTester mvc;
	private MockHttpSession session = new MockHttpSession();

	private PageSession(MockMvcTester mvc) {
		this.mvc = mvc;
	}

	public static PageSession signIn(MockMvcTester mvc, String username, String password) {
		var browser = new PageSession(mvc);
		MvcTestResult signedIn = browser.submit("/login", "/login", "username", username, "password", password);
		assertThat(signedIn.getResponse().getRedirectedUrl()).as("%s signs in", username).isEqualTo("/");
		return browser;
	}

	public MvcTestResult get(String uri) {
		return follow(mvc.get().uri(uri).session(session).exchange());
	}

	/** Opens {@code page} and sends its form to {@code action}; {@code fields} are name, value pairs, names may repeat. */
	public MvcTestResult submit(String page, String action, String... fields) {
		MvcTestResult form = get(page);
		assertThat(form).hasStatusOk();
		var token = CSRF.matcher(html(form));
		assertThat(token.find()).as("the page %s carries a CSRF token", page).isTrue();
		var request = mvc.post().uri(action).session(session).param("_csrf", token.group(1));
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return follow(request.exchange());
	}

	public static String html(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Signing in changes the session; the browser keeps whichever one the server left it with. */
	private MvcTestResult follow(MvcTestResult result) {
		if (result.getRequest().getSession(false) instanceof MockHttpSession current) {
			session = current;
		}
		return result;
	}
}
