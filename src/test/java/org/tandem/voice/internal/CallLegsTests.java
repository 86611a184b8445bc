package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.core.NotFound;
import org.tandem.voice.CallEnded;
import org.tandem.voice.RecordingFinished;

/**
 * A call that ends while recording, however it ends, reports the recording first: whoever files a
 * voicemail on CallEnded finds it complete. Legs without a SIP dialog, on a real media engine.
 */
class CallLegsTests {

	private final List<Object> published = new CopyOnWriteArrayList<>();

	private final CallLegs legs = new CallLegs(published::add, Clock.systemUTC());

	private final MediaEngine engine = new MediaEngine(new RtpPorts("127.0.0.1", 42000, 42999),
			Duration.ofMillis(500).toNanos());

	@TempDir
	Path dir;

	@AfterEach
	void close() {
		engine.close();
		legs.close();
	}

	@Test
	void reportsTheRecordingBeforeTheEndOfACallWeHangUp() {
		CallLeg leg = answered("hung-up");
		legs.record(leg, dir.resolve("hung-up.wav"), Duration.ofMinutes(1));

		legs.hangUp(leg, CallEnded.Reason.HUNG_UP);

		await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 3);
		assertThat(published).extracting(event -> event.getClass().getSimpleName())
			.containsExactly("CallArrived", "RecordingFinished", "CallEnded");
		assertThat(((RecordingFinished) published.get(1)).file()).exists();
	}

	@Test
	void reportsTheRecordingBeforeTheEndOfACallerWhoFellSilent() {
		CallLeg leg = answered("silent");
		legs.record(leg, dir.resolve("silent.wav"), Duration.ofMinutes(1));

		await().atMost(Duration.ofSeconds(10)).until(() -> published.size() == 3);
		assertThat(published).extracting(event -> event.getClass().getSimpleName())
			.containsExactly("CallArrived", "RecordingFinished", "CallEnded");
		assertThat(((CallEnded) published.get(2)).reason()).isEqualTo(CallEnded.Reason.MEDIA_TIMEOUT);
	}

	@Test
	void refusesToRecordACallThatEndedAndLeavesNoFile() {
		CallLeg leg = answered("over");
		legs.ended(leg, CallEnded.Reason.CALLER_HUNG_UP);

		assertThatThrownBy(() -> legs.record(leg, dir.resolve("over.wav"), Duration.ofMinutes(1)))
			.isInstanceOf(NotFound.class);
		assertThat(dir.resolve("over.wav")).doesNotExist();
	}

	private CallLeg answered(String id) {
		CallLeg leg = new CallLeg(id, id + "@test", "tag", null, null, legs);
		RtpSession session = engine.open(Codec.PCMU, OptionalInt.empty(), new InetSocketAddress("127.0.0.1", 9), leg);
		leg.attach(session, engine, "v=0");
		legs.answered(leg, "+15035550100", "+15035550199");
		return leg;
	}
}
