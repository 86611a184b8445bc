package org.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ApplicationIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void startsOnEmbeddedPostgresWithMigrationsApplied() {
		assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 18");
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
			.isPositive();
	}
}
