package org.tandem.directory.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The administrator credential of the test profile, as an HTTP Basic header value. */
final class Admin {

	static final String AUTHORIZATION = "Basic "
			+ Base64.getEncoder().encodeToString("admin:test-admin-secret".getBytes(StandardCharsets.UTF_8));

	private Admin() {
	}
}
