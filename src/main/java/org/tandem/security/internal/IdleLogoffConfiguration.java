package org.tandem.security.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.security.IdleLogoff;
import org.tandem.security.SecurityProperties;

@Configuration(proxyBeanMethods = false)
class IdleLogoffConfiguration {

	@Bean
	IdleLogoff idleLogoff(SecurityProperties properties,
			@Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) {
		return new IdleLogoff(properties.idleLogoff() == null ? sessionTimeout : properties.idleLogoff());
	}
}
