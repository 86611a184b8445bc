package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** A carrier that authenticates with digest credentials calls from an address that is on no list. */
@SpringBootTest(properties = { "tandem.ivr.enabled=false", "tandem.voice.trunks[0].name=loopback", "tandem.voice.trunks[0].addresses=127.0.0.1",
		"tandem.voice.trunks[1].name=carrier", "tandem.voice.trunks[1].username=carrier",
		"tandem.voice.trunks[1].password=carrier-secret" })
@ActiveProfiles("test")
@Import(CallEventLog.class)
class TrunkDigestE2ETests {

	@Autowired
	SipServer server;

	@Autowired
	CallEventLog events;

	@TempDir
	Path workDir;

	@Test
	void answersACarrierThatAnswersTheChallenge() throws Exception {
		int arrivedBefore = events.arrived.size();
		Sipp sipp = Sipp.start(workDir, server.port(), "invite_from_authenticated_trunk_answered.xml", "127.0.0.2",
				"-au", "carrier", "-ap", "carrier-secret");

		assertThat(sipp.await()).as(sipp::report).isZero();
		await().atMost(Duration.ofSeconds(5)).until(() -> events.arrived.size() == arrivedBefore + 1);
	}

	@Test
	void refusesACallerWithTheWrongPassword() throws Exception {
		int arrivedBefore = events.arrived.size();
		Sipp sipp = Sipp.start(workDir, server.port(), "invite_with_wrong_trunk_password_forbidden.xml", "127.0.0.2",
				"-au", "carrier", "-ap", "guessed");

		assertThat(sipp.await()).as(sipp::report).isZero();
		assertThat(events.arrived).hasSize(arrivedBefore);
	}
}
