package org.tandem.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminUser name of the administrator allowed to call the API
 * @param adminPassword their password ({@code TANDEM_ADMIN_PASSWORD}); there is deliberately no
 * default, so a production start without one fails instead of running open or with a known password
 */
@ConfigurationProperties("tandem.security")
public record SecurityProperties(String adminUser, String adminPassword) {

	public SecurityProperties {
		if (adminUser == null || adminUser.isBlank()) {
			throw new IllegalStateException("tandem.security.admin-user must be set");
		}
		if (adminPassword == null || adminPassword.length() < 8) {
			throw new IllegalStateException(
					"tandem.security.admin-password (TANDEM_ADMIN_PASSWORD) must be set to at least 8 characters");
		}
	}
}
