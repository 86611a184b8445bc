package org.tandem.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the data lives. With no {@code url}, Tandem starts its own PostgreSQL with its files under
 * {@code dataDir}, so they survive a restart; {@code ephemeral} throws them away on shutdown (tests).
 *
 * @param url JDBC URL of an external PostgreSQL ({@code TANDEM_DB_URL}); blank for the embedded one
 * @param user user for the external database ({@code TANDEM_DB_USER})
 * @param password password for the external database ({@code TANDEM_DB_PASSWORD})
 * @param dataDir folder of the embedded database's files ({@code TANDEM_DATA_DIR})
 * @param ephemeral delete the embedded database's files when Tandem stops
 * @param synchronousCommit wait for the WAL flush on commit; off trades the last few commits after
 * a power loss (never after a process crash) for speed, which only tests should do
 */
@Validated
@ConfigurationProperties("tandem.db")
public record DatabaseProperties(String url, String user, String password, Path dataDir, boolean ephemeral,
		boolean synchronousCommit) {

	public boolean embedded() {
		return url == null || url.isBlank();
	}
}
