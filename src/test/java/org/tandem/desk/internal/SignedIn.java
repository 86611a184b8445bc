package org.tandem.desk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** One agent signed in through the login form, calling the desktop's endpoints as its page does. */
final class SignedIn {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern PAGE_TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

	private final MockMvcTester mvc;
	private MockHttpSession session = new MockHttpSession();
	private String token;

	private SignedIn(MockMvcTester mvc) {
		this.mvc = mvc;
	}

	static SignedIn as(MockMvcTester mvc, String username, String password) {
		var browser = new SignedIn(mvc);
		var login = mvc.get().uri("/login").session(browser.session).exchange();
		var form = FORM_TOKEN.matcher(html(login));
		assertThat(form.find()).isTrue();
		var signedIn = mvc.post().uri("/login").session(browser.session).param("username", username)
			.param("password", password).param("_csrf", form.group(1)).exchange();
		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
		browser.session = (MockHttpSession) signedIn.getRequest().getSession(false);
		var page = browser.get("/desk");
		assertThat(page).hasStatusOk();
		var meta = PAGE_TOKEN.matcher(html(page));
		assertThat(meta.find()).as("the desktop page carries a CSRF token").isTrue();
		browser.token = meta.group(1);
		return browser;
	}

	MvcTestResult get(String uri) {
		return mvc.get().uri(uri).session(session).accept(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML).exchange();
	}

	MvcTestResult post(String uri, String json) {
		var request = mvc.post().uri(uri).session(session).header("X-CSRF-TOKEN", token);
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return request.exchange();
	}

	MvcTestResult put(String uri, String json) {
		return mvc.put().uri(uri).session(session).header("X-CSRF-TOKEN", token).contentType(MediaType.APPLICATION_JSON)
			.content(json).exchange();
	}

	static String html(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}
}
