package org.tandem.ivr.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param recordingsDir where voicemails are kept, one WAV per message
 * @param transferTimeout how long a transfer to a number rings before the caller is told it failed
 * @param workers threads that carry out calls' steps (each call's steps run in order on one of them)
 */
@ConfigurationProperties("tandem.ivr")
public record IvrProperties(Path recordingsDir, Duration transferTimeout, Integer workers) {

	public IvrProperties {
		recordingsDir = recordingsDir == null ? Path.of(System.getProperty("user.home"), ".tandem", "recordings")
				: recordingsDir;
		transferTimeout = transferTimeout == null ? Duration.ofSeconds(30) : transferTimeout;
		workers = workers == null ? 4 : workers;
		if (transferTimeout.isNegative() || transferTimeout.isZero()) {
			throw new IllegalStateException("tandem.ivr.transfer-timeout must be positive");
		}
		if (workers < 1) {
			throw new IllegalStateException("tandem.ivr.workers must be at least 1");
		}
	}
}
