package org.tandem.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tandem on a PostgreSQL it did not start: a separate server reached only through
 * {@code tandem.db.url}, as TANDEM_DB_URL sets it in production.
 */
@SpringBootTest
@ActiveProfiles("test")
class ExternalDatabaseIntegrationTests {

	static EmbeddedPostgres external;

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) throws Exception {
		external = EmbeddedPostgres.builder().start();
		try (var connection = external.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("create user tandem_app password 'app-secret'");
			statement.execute("create database tandem owner tandem_app");
		}
		registry.add("tandem.db.url", () -> "jdbc:postgresql://localhost:" + external.getPort() + "/tandem");
		registry.add("tandem.db.user", () -> "tandem_app");
		registry.add("tandem.db.password", () -> "app-secret");
	}

	@AfterAll
	static void stop() throws IOException {
		external.close();
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseProperties properties;

	@Test
	void migratesAndUsesTheConfiguredServerInsteadOfStartingOne() throws IOException {
		assertThat(properties.embedded()).isFalse();
		assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("tandem_app");
		assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("tandem");
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
			.isGreaterThanOrEqualTo(1);
		Path embeddedDir = properties.dataDir();
		assertThat(embeddedDir == null || !Files.exists(embeddedDir)).as("no embedded server was started").isTrue();
	}
}
