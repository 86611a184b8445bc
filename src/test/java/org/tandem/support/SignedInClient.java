package org.tandem.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A browser without a page: signs in through the login form of a running Tandem over real HTTP, keeps the
 * session cookie, and reads server-sent events the way {@code EventSource} does.
 */
public final class SignedInClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http;
	private final String base;

	private SignedInClient(HttpClient http, String base) {
		this.http = http;
		this.base = base;
	}

	public static SignedInClient signIn(int port, String username, String password)
			throws IOException, InterruptedException {
		var http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String base = "http://127.0.0.1:" + port;
		String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var token = CSRF.matcher(page);
		assertThat(token.find()).as("the login page carries a CSRF token").isTrue();
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
		var signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		// Tomcat writes relative redirects unless told otherwise; either way it is the landing page.
		assertThat(signedIn.headers().firstValue("Location").orElse("")).as("%s signs in", username)
			.isIn("/", base + "/");
		return new SignedInClient(http, base);
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Opens an event stream; its events are read on a thread of their own until it is closed. */
	public EventStream events(String path) throws IOException, InterruptedException {
		HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "text/event-stream")
			.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return new EventStream(response.body());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** The {@code data} of each event, in order; a multi-line data field is joined with newlines as the spec says. */
	public static final class EventStream implements AutoCloseable {

		private final Stream<String> lines;
		private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
		private final Thread reader;

		private EventStream(Stream<String> lines) {
			this.lines = lines;
			this.reader = new Thread(this::read, "event-stream-reader");
			reader.setDaemon(true);
			reader.start();
		}

		private void read() {
			var data = new StringBuilder();
			try {
				Iterator<String> each = lines.iterator();
				while (each.hasNext()) {
					String line = each.next();
					if (line.isEmpty()) {
						if (!data.isEmpty()) {
							events.add(data.toString());
							data.setLength(0);
						}
					}
					else if (line.startsWith("data:")) {
						data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).replaceFirst("^ ", ""));
					}
				}
			}
			catch (RuntimeException closed) {
				// The stream was closed by the test, or the server ended it.
			}
		}

		/** The next event's data, or null if none came in time. */
		public String next(Duration timeout) throws InterruptedException {
			return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}

		/** The first event from now on that {@code wanted} accepts, or null if none came in time. */
		public String next(Predicate<String> wanted, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (true) {
				long left = deadline - System.nanoTime();
				String event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
				if (event == null || wanted.test(event)) {
					return event;
				}
			}
		}

		@Override
		public void close() {
			lines.close();
			reader.interrupt();
		}
	}
}
