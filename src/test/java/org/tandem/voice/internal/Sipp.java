package org.tandem.voice.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** Runs Debian's sipp against Tandem over loopback, one call, a scenario from src/test/resources/sipp: as a caller or as a phone Tandem calls. */
final class Sipp {

	private final Process process;

	private final Path output;

	private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

	private final int port;

	private Sipp(Process process, Path output, int port) {
		this.process = process;
		this.output = output;
		this.port = port;
	}

	/**
	 * @param from the local address sipp sends from (any 127.x address reaches Tandem on loopback)
	 * @param options further sipp options, e.g. {@code -set rtp_port 12000} or {@code -t t1} for TCP
	 */
	static Sipp start(Path workDir, int sipPort, String scenario, String from, String... options) {
		return run(workDir, scenario, from, List.of("127.0.0.1:" + sipPort, "-s", "+15035550199"), 0, options);
	}

	/** A call to one of the practice's numbers, as a carrier places it. */
	static Sipp dial(Path workDir, int sipPort, String number, String scenario, String... options) {
		return run(workDir, scenario, "127.0.0.1", List.of("127.0.0.1:" + sipPort, "-s", number), 0, options);
	}

	/** A desk phone registering as {@code sipUser} from {@code localPort}, where it answers afterwards. */
	static Sipp register(Path workDir, int sipPort, int localPort, String sipUser, String password) {
		return run(workDir, "register_accepted.xml", "127.0.0.1", List.of("127.0.0.1:" + sipPort, "-s", sipUser),
				localPort, "-au", sipUser, "-ap", password);
	}

	/**
	 * A phone that Tandem calls: sipp waits on a port of its own for the scenario's first request.
	 * @see #port()
	 */
	static Sipp answer(Path workDir, String scenario, String... options) {
		return run(workDir, scenario, "127.0.0.1", List.of(), 0, options);
	}

	/** Like {@link #answer}, on a port fixed in advance: a proxy Tandem is configured with. */
	static Sipp answerOn(int port, Path workDir, String scenario, String... options) {
		return run(workDir, scenario, "127.0.0.1", List.of(), port, options);
	}

	private static Sipp run(Path workDir, String scenario, String from, List<String> target, int sipPort,
			String... options) {
		try {
			Path file = Path.of(Sipp.class.getResource("/sipp/" + scenario).toURI());
			int[] ports = freeUdpPorts(from);
			if (sipPort != 0) {
				ports[0] = sipPort;
			}
			List<String> command = new ArrayList<>(List.of("sipp"));
			command.addAll(target);
			command.addAll(List.of("-sf", file.toString(), "-m", "1", "-i", from, "-p", String.valueOf(ports[0]),
					"-mp", String.valueOf(ports[1]), "-nostdin", "-timeout", "20s", "-timeout_error", "-trace_err"));
			command.addAll(List.of(options));
			Path output = Files.createTempFile(workDir, scenario, ".out");
			Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
				.redirectOutput(output.toFile()).start();
			return new Sipp(process, output, ports[0]);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (URISyntaxException e) {
			throw new IllegalArgumentException(e);
		}
	}

	/** The port sipp takes SIP on. */
	int port() {
		return port;
	}

	/** False once sipp has exited, as it does at once when it cannot bind its ports. */
	boolean running() {
		return process.isAlive();
	}

	/** sipp's exit code: 0 when every call passed its scenario. */
	int await() throws InterruptedException {
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return -1;
		}
		return process.exitValue();
	}

	/** What sipp printed and its error log, for the assertion message when it fails. */
	String report() {
		try {
			StringBuilder report = new StringBuilder(Files.readString(output));
			try (var logs = Files.list(output.getParent())) {
				for (Path log : logs.filter(path -> path.toString().endsWith("_errors.log")).toList()) {
					report.append("\n").append(Files.readString(log));
				}
			}
			return report.toString();
		}
		catch (IOException e) {
			return "no sipp output: " + e.getMessage();
		}
	}

	/**
	 * A port for sipp's SIP and a media port for its audio (and RTCP and video above it, which sipp opens at
	 * +1 to +3): free, and apart from each other. Sockets held open together cannot be handed out twice.
	 */
	private static int[] freeUdpPorts(String address) throws IOException {
		InetAddress host = InetAddress.getByName(address);
		for (int attempt = 0; attempt < 50; attempt++) {
			try (DatagramSocket sip = new DatagramSocket(0, host); DatagramSocket media = new DatagramSocket(0, host)) {
				int base = media.getLocalPort() & ~1;
				boolean apart = sip.getLocalPort() < base || sip.getLocalPort() > base + 3;
				// A port is free again once its socket closes, before the sipp it went to has bound it: a port
				// handed out earlier in this run is never handed out twice.
				if (apart && base + 3 <= 65535 && !GIVEN.contains(sip.getLocalPort())
						&& IntStream.rangeClosed(base, base + 3).noneMatch(GIVEN::contains)) {
					GIVEN.add(sip.getLocalPort());
					IntStream.rangeClosed(base, base + 3).forEach(GIVEN::add);
					return new int[] { sip.getLocalPort(), base };
				}
			}
		}
		throw new IOException("no free UDP ports on " + address);
	}
}
