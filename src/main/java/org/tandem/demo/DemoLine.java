package org.tandem.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tandem.core.PhoneNumber;
import org.tandem.ivr.IvrFlows;

/**
 * The demo practice's phone line: its flow answers {@link #NUMBER}, so a softphone calling that number
 * hears the emergency notice, the language choice and the menu. Set up once; a flow the practice put on
 * the number since is left alone.
 */
@Component
class DemoLine {

	static final PhoneNumber NUMBER = new PhoneNumber("+15035550100");

	private static final Logger log = LoggerFactory.getLogger(DemoLine.class);

	private final DemoProperties properties;

	private final IvrFlows flows;

	DemoLine(DemoProperties properties, IvrFlows flows) {
		this.properties = properties;
		this.flows = flows;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(1)
	void answer() {
		if (!properties.enabled() || flows.activeFor(NUMBER).isPresent()) {
			return;
		}
		var version = flows.save("demo", document());
		flows.activate(version.name(), version.version(), NUMBER);
		log.info("Demo line: calls to {} ({}) run the flow '{}'", NUMBER, NUMBER.display(), version.name());
	}

	private static String document() {
		try (InputStream in = DemoLine.class.getResourceAsStream("/ivr/flows/demo.yaml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
