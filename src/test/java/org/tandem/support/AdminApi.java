package org.tandem.support;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The test administrator calling a running Tandem's API over real HTTP, with HTTP Basic on each request. */
public final class AdminApi {

	/** The administrator's password in {@code application-test.yml}. */
	public static final String PASSWORD = "test-admin-secret";

	private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private final RestClient rest;

	public AdminApi(int port) {
		rest = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultHeaders(headers -> headers.setBasicAuth("admin", PASSWORD))
			.build();
	}

	public Map<String, Object> get(String path) {
		return rest.get().uri(path).retrieve().body(OBJECT);
	}

	public List<Map<String, Object>> list(String path) {
		return rest.get().uri(path).retrieve().body(LIST);
	}

	public Map<String, Object> post(String path, Object body) {
		return rest.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(OBJECT);
	}
}
