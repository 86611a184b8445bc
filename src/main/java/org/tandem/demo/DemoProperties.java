package org.tandem.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param enabled load the demo practice into an empty embedded database (only ever on the embedded one) */
@ConfigurationProperties("tandem.demo")
public record DemoProperties(boolean enabled) {
}
