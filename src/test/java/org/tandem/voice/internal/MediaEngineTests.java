package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The media clocks' threads, sending to a phone on a real loopback socket. */
class MediaEngineTests {

	/** Every call times out on its first tick, so each tells its listener once, on a clock's thread. */
	private final MediaEngine engine = new MediaEngine(new RtpPorts("127.0.0.1", 43000, 43999), 1);

	private final CountDownLatch release = new CountDownLatch(1);

	private DatagramChannel phone;

	@BeforeEach
	void openPhone() throws IOException {
		phone = DatagramChannel.open();
		phone.bind(new InetSocketAddress("127.0.0.1", 0));
	}

	@AfterEach
	void close() throws IOException {
		release.countDown();
		engine.close();
		phone.close();
	}

	@Test
	void aThreadHeldUpInATickDelaysNoCallOnAnyOtherClock() throws IOException {
		CountDownLatch held = new CountDownLatch(1);
		// One call per clock, in the clocks' order: the first holds up whichever thread runs its clock.
		List<RtpSession> calls = new ArrayList<>();
		calls.add(open(() -> {
			held.countDown();
			await(release);
		}));
		for (int call = 1; call < 10; call++) {
			calls.add(open(() -> {
			}));
		}
		await(held);
		heardFor(Duration.ofMillis(100));

		Map<Integer, Integer> heard = heardFor(Duration.ofMillis(400));

		// Twenty frames each in 400 ms; half of them are on the held-up thread's clocks.
		for (RtpSession call : calls.subList(1, 10)) {
			assertThat(heard.getOrDefault(call.localPort(), 0)).as("frames from call on port %d", call.localPort())
				.isGreaterThanOrEqualTo(15);
		}
		assertThat(heard).doesNotContainKey(calls.get(0).localPort());
	}

	private RtpSession open(Runnable onTimeout) {
		return engine.open(Codec.PCMU, OptionalInt.empty(), (InetSocketAddress) localAddress(),
				new TimeoutListener(onTimeout));
	}

	private SocketAddress localAddress() {
		try {
			return phone.getLocalAddress();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Frames the phone heard in the next {@code time}, by the port they came from. */
	private Map<Integer, Integer> heardFor(Duration time) throws IOException {
		Map<Integer, Integer> frames = new HashMap<>();
		ByteBuffer buffer = ByteBuffer.allocate(2048);
		phone.configureBlocking(false);
		long end = System.nanoTime() + time.toNanos();
		while (System.nanoTime() < end) {
			SocketAddress from = phone.receive(buffer.clear());
			if (from == null) {
				Thread.onSpinWait();
				continue;
			}
			frames.merge(((InetSocketAddress) from).getPort(), 1, Integer::sum);
		}
		return frames;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
