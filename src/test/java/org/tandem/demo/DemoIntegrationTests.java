package org.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.tandem.directory.Directory;
import org.tandem.ivr.IvrFlows;
import org.tandem.routing.Routing;

/** The demo practice as {@code bin/run} starts it: people, queues, and a line that answers. */
@SpringBootTest(properties = "tandem.demo.enabled=true")
@ActiveProfiles("test")
class DemoIntegrationTests {

	@Autowired
	Directory directory;

	@Autowired
	Routing routing;

	@Autowired
	IvrFlows flows;

	@Autowired
	DemoLine line;

	@Test
	void loadsThePracticeAndAnswersItsNumberWithTheDemoFlowOnce() {
		assertThat(directory.staff()).hasSize(12);
		assertThat(routing.queue("intake")).isEmpty();
		var active = flows.activeFor(DemoLine.NUMBER).orElseThrow();
		assertThat(active.name()).isEqualTo("demo");
		assertThat(active.flow().start()).isEqualTo("emergency");

		line.answer();
		assertThat(flows.activeFor(DemoLine.NUMBER).orElseThrow().version()).isEqualTo(active.version());
	}
}
