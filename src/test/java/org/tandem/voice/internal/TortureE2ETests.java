package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The 49 messages of RFC 4475, byte for byte from src/test/resources/sip/rfc4475, each sent over UDP as a
 * carrier would: valid ones are answered, invalid ones refused with 400 or dropped, responses never
 * answered, and Tandem still answers OPTIONS after each and holds no call, media session or thread
 * afterwards.
 * <p>
 * The messages are not rewritten, so Tandem answers where their Via says (RFC 3261 §18.2.2): to the
 * source address as {@code received}, on the Via's port or 5060, over the Via's transport. The carrier
 * therefore sends from a loopback address of this run's own, made a trunk address here, and listens
 * there on UDP 5060 and 5050 and TCP 5060.
 */
@SpringBootTest(properties = "tandem.ivr.enabled=false")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TortureE2ETests {

	static final String CARRIER = "127.%d.%d.%d".formatted(ThreadLocalRandom.current().nextInt(1, 255),
			ThreadLocalRandom.current().nextInt(0, 256), ThreadLocalRandom.current().nextInt(2, 255));

	/** Long enough for an answer on a busy machine; a message left unanswered costs this much. */
	private static final Duration WAIT = Duration.ofMillis(1500);

	@DynamicPropertySource
	static void carrierIsATrunk(DynamicPropertyRegistry registry) {
		registry.add("tandem.voice.trunks[0].name", () -> "loopback");
		registry.add("tandem.voice.trunks[0].addresses[0]", () -> "127.0.0.1");
		registry.add("tandem.voice.trunks[0].addresses[1]", () -> CARRIER);
	}

	@Autowired
	SipServer server;

	@Autowired
	CallLegs legs;

	@TempDir
	Path workDir;

	private Carrier carrier;

	private int threadsBefore;

	private final Set<String> branches = new HashSet<>();

	@BeforeAll
	void openCarrier() throws IOException {
		carrier = new Carrier(CARRIER, server.port());
		threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
	}

	@AfterAll
	void closeCarrier() {
		carrier.close();
	}

	@Order(1)
	@ParameterizedTest(name = "§{1} {0}: {2}")
	@CsvFileSource(resources = "/sip/rfc4475/index.csv", numLinesToSkip = 1)
	void answersAsTheRfcAllowsAndStaysUp(String name, String section, String title, String kind, String expect,
			String rfc) throws Exception {
		byte[] message = uniqueBranch(name,
				TortureE2ETests.class.getResourceAsStream("/sip/rfc4475/" + name + ".dat").readAllBytes());
		Optional<String> callId = header(new String(message, StandardCharsets.ISO_8859_1), "Call-ID|i");

		carrier.send(message);
		List<String> answers = carrier.answers(callId, null, WAIT);
		int status = status(answers);
		hangUpIfAnswered(answers);

		assertThat(accepts(expect, status)).as("%s answered %s, expected %s: %s", name, status == 0 ? "nothing"
				: status, expect, answers).isTrue();
		assertThat(server.isRunning()).isTrue();
		assertThat(optionsAnswer()).as("OPTIONS after " + name).isEqualTo(200);
	}

	@Order(2)
	@Test
	void holdsNoCallMediaOrThreadsAfterwardsAndStillAnswersOptions() throws Exception {
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(legs.all()).isEmpty();
			assertThat(server.activeMediaSessions()).isZero();
		});
		// The stack's pool is fixed; a TCP connection it opened to the carrier adds a reader on each side.
		assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThanOrEqualTo(threadsBefore + 8);

		Sipp sipp = Sipp.start(workDir, server.port(), "options_answered.xml", "127.0.0.1");
		assertThat(sipp.await()).as(sipp::report).isZero();
	}

	@Order(3)
	@Test
	void aMessageOverTheSizeLimitIsNotTakenAndTheServerStillAnswers() throws Exception {
		String callId = "oversize-" + UUID.randomUUID();
		String body = "x".repeat(SipServer.MAX_MESSAGE_BYTES + 4_000);
		carrier.send(("OPTIONS sip:tandem@127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:5060;rport;branch=z9hG4bK-%s\r\n"
				+ "Max-Forwards: 70\r\nFrom: <sip:carrier@%s>;tag=big\r\nTo: <sip:tandem@127.0.0.1>\r\n"
				+ "Call-ID: %s\r\nCSeq: 1 OPTIONS\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s")
			.formatted(server.port(), CARRIER, UUID.randomUUID(), CARRIER, callId, body.length(), body)
			.getBytes(StandardCharsets.UTF_8));

		assertThat(carrier.answers(Optional.of(callId), "OPTIONS", WAIT)).noneMatch(answer -> answer.startsWith("SIP/2.0 200"));
		assertThat(optionsAnswer()).isEqualTo(200);
	}

	/**
	 * The RFC's messages are meant to be sent one at a time, and many share a branch (z9hG4bKkdjuw). JAIN-SIP
	 * finds server transactions by branch alone, not also by sent-by and method (RFC 3261 §17.2.3), so a
	 * later message would be taken for a retransmission of an earlier one that is still within Timer J.
	 * A branch already used in this run gets the message's name appended; no other byte changes.
	 */
	private byte[] uniqueBranch(String name, byte[] message) {
		String text = new String(message, StandardCharsets.ISO_8859_1);
		Matcher branch = Pattern.compile("(?i)branch[ \\t]*=[ \\t]*(z9hG4bK[^;,\\s]+)").matcher(text);
		if (!branch.find() || branches.add(branch.group(1))) {
			return message;
		}
		return (text.substring(0, branch.end(1)) + "-" + name + text.substring(branch.end(1)))
			.getBytes(StandardCharsets.ISO_8859_1);
	}

	/** {@code expect} lists what may come back: status codes, a class such as 4xx, or none. */
	private static boolean accepts(String expect, int status) {
		return Arrays.stream(expect.split(" ")).anyMatch(allowed -> switch (allowed) {
			case "none" -> status == 0;
			default -> allowed.endsWith("xx") ? status / 100 == allowed.charAt(0) - '0'
					: status == Integer.parseInt(allowed);
		});
	}

	/** The final status if one came, else the provisional one, else 0. */
	private static int status(List<String> answers) {
		int status = 0;
		for (String answer : answers) {
			status = Integer.parseInt(answer.substring(8, 11));
			if (status >= 200) {
				return status;
			}
		}
		return status;
	}

	/**
	 * A call Tandem took up is ended by the caller at once, as any carrier would: ACK, then BYE. Left up, it
	 * would be hung up by Tandem later towards the made-up hosts in the message.
	 */
	private void hangUpIfAnswered(List<String> answers) throws Exception {
		Optional<String> ok = answers.stream()
			.filter(answer -> answer.startsWith("SIP/2.0 2") && cseq(answer)[1].equals("INVITE")).findFirst();
		if (ok.isEmpty()) {
			return;
		}
		String response = ok.get();
		String callId = header(response, "Call-ID").orElseThrow();
		long sequence = Long.parseLong(cseq(response)[0]);
		String contact = header(response, "Contact").orElseThrow().replaceAll(".*<(.*)>.*", "$1");
		carrier.send(inDialog("ACK", contact, response, sequence));
		carrier.send(inDialog("BYE", contact, response, sequence + 1));
		assertThat(carrier.answers(Optional.of(callId), "BYE", WAIT)).as("BYE for " + callId)
			.anyMatch(answer -> answer.startsWith("SIP/2.0 200") && cseq(answer)[1].equals("BYE"));
	}

	/** The caller's side of the dialog: From and To as in the response, our own Via. */
	private static byte[] inDialog(String method, String target, String response, long sequence) {
		return ("%s %s SIP/2.0\r\nVia: SIP/2.0/UDP %s:5060;rport;branch=z9hG4bK-%s\r\nMax-Forwards: 70\r\n"
				+ "From: %s\r\nTo: %s\r\nCall-ID: %s\r\nCSeq: %d %s\r\nContent-Length: 0\r\n\r\n")
			.formatted(method, target, CARRIER, UUID.randomUUID(), header(response, "From").orElseThrow(),
					header(response, "To").orElseThrow(), header(response, "Call-ID").orElseThrow(), sequence, method)
			.getBytes(StandardCharsets.UTF_8);
	}

	private int optionsAnswer() throws Exception {
		String callId = "alive-" + UUID.randomUUID();
		carrier.send(("OPTIONS sip:tandem@127.0.0.1:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:5060;rport;branch=z9hG4bK-%s\r\n"
				+ "Max-Forwards: 70\r\nFrom: <sip:carrier@%s>;tag=alive\r\nTo: <sip:tandem@127.0.0.1>\r\n"
				+ "Call-ID: %s\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
			.formatted(server.port(), CARRIER, UUID.randomUUID(), CARRIER, callId).getBytes(StandardCharsets.UTF_8));
		return status(carrier.answers(Optional.of(callId), "OPTIONS", WAIT));
	}

	/** The CSeq's number and method. */
	private static String[] cseq(String message) {
		return header(message, "CSeq").orElse("0 none").split("[ \\t]+", 2);
	}

	/** The first value of a header given by its names, e.g. {@code Call-ID|i}, unfolded lines aside. */
	private static Optional<String> header(String message, String names) {
		Matcher header = Pattern.compile("(?im)^(?:" + names + ")[ \\t]*:[ \\t]*(.*?)\\r?$").matcher(message);
		return header.find() ? Optional.of(header.group(1).trim()) : Optional.empty();
	}

	/** The carrier's end: sends from {@link #CARRIER}:5060 and gathers whatever answers reach it. */
	private static final class Carrier implements AutoCloseable {

		private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		private final List<AutoCloseable> sockets = new ArrayList<>();

		private final DatagramSocket udp;

		private final int tandemPort;

		Carrier(String address, int tandemPort) throws IOException {
			this.tandemPort = tandemPort;
			InetAddress host = InetAddress.getByName(address);
			udp = new DatagramSocket(new InetSocketAddress(host, 5060));
			sockets.add(udp);
			DatagramSocket quotbalPort = new DatagramSocket(new InetSocketAddress(host, 5050));
			sockets.add(quotbalPort);
			ServerSocket tcp = new ServerSocket(5060, 8, host);
			sockets.add(tcp);
			daemon(() -> receive(udp));
			daemon(() -> receive(quotbalPort));
			daemon(() -> accept(tcp));
		}

		void send(byte[] message) throws IOException {
			udp.send(new DatagramPacket(message, message.length, InetAddress.getByName("127.0.0.1"), tandemPort));
		}

		/**
		 * What came back for the Call-ID (for a message without one, anything) and, if given, the CSeq
		 * method, until a final response or the wait is over. Answers to earlier messages, such as
		 * retransmitted 400s, and a retransmitted 200 for the INVITE of a call being hung up are passed over.
		 */
		List<String> answers(Optional<String> callId, String method, Duration wait) throws InterruptedException {
			List<String> answers = new ArrayList<>();
			long deadline = System.nanoTime() + wait.toNanos();
			while (System.nanoTime() < deadline) {
				String answer = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
				if (answer == null) {
					break;
				}
				if (callId.isPresent() && !callId.equals(header(answer, "Call-ID|i"))
						|| method != null && !method.equals(cseq(answer)[1])) {
					continue;
				}
				answers.add(answer);
				if (answer.startsWith("SIP/2.0 ") && answer.charAt(8) != '1') {
					break;
				}
			}
			return answers;
		}

		private void receive(DatagramSocket socket) {
			byte[] buffer = new byte[65535];
			try {
				while (true) {
					DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
					socket.receive(packet);
					received.add(new String(buffer, 0, packet.getLength(), StandardCharsets.ISO_8859_1));
				}
			}
			catch (IOException closed) {
				// The carrier is done.
			}
		}

		private void accept(ServerSocket server) {
			try {
				while (true) {
					Socket connection = server.accept();
					synchronized (sockets) {
						sockets.add(connection);
					}
					daemon(() -> read(connection));
				}
			}
			catch (IOException closed) {
				// The carrier is done.
			}
		}

		/** RFC 3261 §18.3: on a stream, Content-Length says where one message ends and the next begins. */
		private void read(Socket connection) {
			try (InputStream in = new BufferedInputStream(connection.getInputStream())) {
				while (true) {
					ByteArrayOutputStream head = new ByteArrayOutputStream();
					int matched = 0;
					while (matched < 4) {
						int octet = in.read();
						if (octet < 0) {
							return;
						}
						head.write(octet);
						matched = octet == "\r\n\r\n".charAt(matched) ? matched + 1 : octet == '\r' ? 1 : 0;
					}
					String headers = head.toString(StandardCharsets.ISO_8859_1);
					int length = header(headers, "Content-Length|l").map(Integer::parseInt).orElse(0);
					received.add(headers + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1));
				}
			}
			catch (IOException closed) {
				// Tandem or the carrier closed the connection.
			}
		}

		private static void daemon(Runnable task) {
			Thread thread = new Thread(task, "carrier");
			thread.setDaemon(true);
			thread.start();
		}

		@Override
		public void close() {
			synchronized (sockets) {
				for (AutoCloseable socket : sockets) {
					try {
						socket.close();
					}
					catch (Exception e) {
						// Closing anyway.
					}
				}
			}
		}
	}
}
