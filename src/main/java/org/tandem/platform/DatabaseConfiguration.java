package org.tandem.platform;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One data source for the whole application: the external PostgreSQL named by {@code tandem.db.url},
 * or else the embedded one.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedServer embeddedServer(DatabaseProperties properties) {
		return new EmbeddedServer(properties.embedded() ? EmbeddedDatabase.start(properties) : null);
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(DatabaseProperties properties, EmbeddedServer server) {
		var config = new HikariConfig();
		config.setPoolName("tandem");
		config.setMaximumPoolSize(16);
		// The routing loop writes each batch of decisions as multi-row inserts: far fewer statements to run.
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		if (properties.embedded()) {
			config.setJdbcUrl(server.database().jdbcUrl());
		}
		else {
			if (!properties.url().startsWith("jdbc:postgresql:")) {
				throw new IllegalStateException("tandem.db.url (TANDEM_DB_URL) must be a jdbc:postgresql: URL, not '"
						+ properties.url() + "'");
			}
			config.setJdbcUrl(properties.url());
			config.setUsername(properties.user());
			config.setPassword(properties.password());
		}
		return new HikariDataSource(config);
	}

	/** Holds the embedded server, if any, so that it stops after the pool that uses it. */
	record EmbeddedServer(EmbeddedDatabase database) implements AutoCloseable {

		@Override
		public void close() throws Exception {
			if (database != null) {
				database.close();
			}
		}
	}
}
