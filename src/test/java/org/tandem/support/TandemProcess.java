package org.tandem.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Tandem as a separate operating-system process, started from the test class path, so that a test can
 * kill it with SIGKILL ({@code kill -9}) and start it again on the same data.
 */
public final class TandemProcess implements AutoCloseable {

	public static final String ADMIN_PASSWORD = "crash-test-admin";

	private final Process process;
	private final int port;
	private final Path log;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private TandemProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts Tandem with its embedded database in {@code dataDir} and waits until the API answers. */
	public static TandemProcess start(Path dataDir, Path log, String... extraArgs) throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-cp", System.getProperty("java.class.path"), "org.tandem.TandemApplication",
				"--server.port=" + port, "--tandem.db.data-dir=" + dataDir, "--tandem.db.synchronous-commit=true",
				"--tandem.voice.bind-address=127.0.0.1", "--tandem.voice.sip-port=0",
				// The API is called as the administrator with HTTP Basic alone.
				"--tandem.security.require-admin-totp=false"));
		command.addAll(List.of(extraArgs));
		var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("TANDEM_ADMIN_PASSWORD", ADMIN_PASSWORD);
		builder.environment().remove("TANDEM_DB_URL");
		var started = new TandemProcess(builder.start(), port, log);
		started.awaitReady(Duration.ofSeconds(120));
		return started;
	}

	private void awaitReady(Duration timeout) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Tandem exited with " + process.exitValue() + "; see " + log);
			}
			try {
				if (get("/api/queues").statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// Not listening yet.
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("Tandem did not answer within " + timeout + "; see " + log);
	}

	/** SIGKILL: no shutdown hook runs, nothing is flushed, the embedded PostgreSQL is orphaned. */
	public void killHard() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder()
			.encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		return http.send(request.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}


	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}
}
