package org.tandem.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Tandem starts for itself when no external one is configured.
 */
final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedDatabase start(DatabaseProperties properties) {
		Path dataDir = properties.dataDir().toAbsolutePath();
		try {
			Files.createDirectories(dataDir.getParent());
			stopOrphanedServer(dataDir);
			var postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(properties.ephemeral())
				.setServerConfig("synchronous_commit", properties.synchronousCommit() ? "on" : "off")
				.setServerConfig("max_connections", "100")
				.setPGStartupWait(Duration.ofSeconds(60))
				// Stopped by the application context, after the pool and whatever writes on its way out. The
				// library's own hook would stop it at exit alongside the context, cutting off those last writes.
				.setRegisterShutdownHook(false)
				.start();
			log.info("Embedded PostgreSQL on port {} with its data in {}", postgres.getPort(), dataDir);
			return new EmbeddedDatabase(postgres);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir
					+ " (set tandem.db.data-dir / TANDEM_DATA_DIR to a writable folder)", e);
		}
	}

	String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	/**
	 * The server outlives a Tandem process killed with {@code kill -9}, and still holds the data
	 * directory; a new start would fail on its {@code postmaster.pid}. Stop it first: its clients are
	 * gone with the dead process, so a smart shutdown is quick and loses nothing committed.
	 */
	private static void stopOrphanedServer(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> server = Files.readAllLines(pidFile).stream()
			.findFirst()
			.map(String::trim)
			.filter(line -> line.matches("\\d+"))
			.flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
		if (server.isEmpty()) {
			return;
		}
		log.warn("Stopping PostgreSQL {} left running on {} by a previous Tandem process", server.get().pid(), dataDir);
		server.get().destroy();
		Instant deadline = Instant.now().plusSeconds(30);
		while (server.get().isAlive() && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		if (server.get().isAlive()) {
			throw new IllegalStateException("PostgreSQL " + server.get().pid() + " still holds " + dataDir);
		}
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}
}
