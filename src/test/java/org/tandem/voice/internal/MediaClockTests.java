package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A clock's share of the calls on real loopback sockets, ticked by hand. */
class MediaClockTests {

	private static final long TIMEOUT = 60_000_000_000L;

	private final MediaClock clock = new MediaClock(0);

	private final List<RtpSession> sessions = new ArrayList<>();

	private DatagramChannel phone;

	@BeforeEach
	void openPhone() throws IOException {
		phone = DatagramChannel.open();
		phone.bind(new InetSocketAddress("127.0.0.1", 0));
		phone.configureBlocking(false);
	}

	@AfterEach
	void close() throws IOException {
		sessions.forEach(RtpSession::close);
		phone.close();
	}

	@Test
	void sendsEveryCallAFrameATickInTheOrderTheyJoined() throws IOException {
		List<Integer> ports = joined(3);

		clock.tick(System.nanoTime(), TIMEOUT);
		clock.tick(System.nanoTime(), TIMEOUT);

		assertThat(senders()).containsExactly(ports.get(0), ports.get(1), ports.get(2), ports.get(0), ports.get(1),
				ports.get(2));
		assertThat(clock.size()).isEqualTo(3);
	}

	@Test
	void stopsSendingToACallThatLeftAndKeepsTheOthersInOrder() throws IOException {
		List<Integer> ports = joined(4);
		clock.tick(System.nanoTime(), TIMEOUT);
		senders();

		clock.remove(sessions.get(1));
		clock.tick(System.nanoTime(), TIMEOUT);

		assertThat(senders()).containsExactly(ports.get(0), ports.get(2), ports.get(3));
		assertThat(clock.size()).isEqualTo(3);
	}

	@Test
	void neverSendsToACallThatCameAndWentBetweenTwoTicks() throws IOException {
		RtpSession brief = session();
		clock.add(brief);
		clock.remove(brief);

		clock.tick(System.nanoTime(), TIMEOUT);
		clock.tick(System.nanoTime(), TIMEOUT);

		assertThat(senders()).isEmpty();
		assertThat(clock.size()).isZero();
	}

	@Test
	void goesOnWithTheOthersWhenOneCallsSocketIsBroken() throws IOException {
		RtpSession broken = session();
		RtpSession fine = session();
		clock.add(broken);
		clock.add(fine);
		broken.channel().close();

		clock.tick(System.nanoTime(), TIMEOUT);

		assertThat(senders()).containsExactly(fine.localPort());
	}

	@Test
	void runsTheTicksDueByNowAndMovesItsDueTimeOnAFrameForEach() throws IOException {
		List<Integer> ports = joined(1);

		clock.tickIfDue(-1, TIMEOUT);
		assertThat(senders()).isEmpty();

		clock.tickIfDue(2 * MediaClock.FRAME_NANOS + 1, TIMEOUT);
		assertThat(senders()).containsExactly(ports.get(0), ports.get(0), ports.get(0));
		assertThat(clock.due()).isEqualTo(3 * MediaClock.FRAME_NANOS);
	}

	@Test
	void leavesATickToTheThreadAlreadyRunningIt() throws Exception {
		CountDownLatch inTick = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		// Times out on its first tick, and holds that tick's thread until released.
		RtpSession holding = session(() -> {
			inTick.countDown();
			await(release);
		});
		long start = System.nanoTime();
		MediaClock shared = new MediaClock(start);
		shared.add(holding);
		Thread first = new Thread(() -> shared.tickIfDue(start, 0));
		first.start();
		try {
			assertThat(inTick.await(5, TimeUnit.SECONDS)).isTrue();
			senders();

			shared.tickIfDue(start + 5 * MediaClock.FRAME_NANOS, 0);

			assertThat(senders()).isEmpty();
			assertThat(shared.due()).isEqualTo(start);
		}
		finally {
			release.countDown();
			first.join();
		}
		assertThat(shared.due()).isEqualTo(start + MediaClock.FRAME_NANOS);
	}

	/** @return the new calls' ports, in the order they joined */
	private List<Integer> joined(int calls) throws IOException {
		List<Integer> ports = new ArrayList<>();
		for (int call = 0; call < calls; call++) {
			RtpSession session = session();
			clock.add(session);
			ports.add(session.localPort());
		}
		return ports;
	}

	private RtpSession session() throws IOException {
		return session(() -> {
		});
	}

	/** A call that tells {@code onTimeout} when it times out, on the clock's thread. */
	private RtpSession session(Runnable onTimeout) throws IOException {
		DatagramChannel channel = DatagramChannel.open();
		channel.bind(new InetSocketAddress("127.0.0.1", 0));
		RtpSession session = new RtpSession(channel, Codec.PCMU, OptionalInt.empty(),
				(InetSocketAddress) phone.getLocalAddress(), new TimeoutListener(onTimeout));
		sessions.add(session);
		return session;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The ports the phone has heard from since last asked, in the order the packets came. */
	private List<Integer> senders() throws IOException {
		List<Integer> ports = new ArrayList<>();
		ByteBuffer buffer = ByteBuffer.allocate(2048);
		for (SocketAddress from; (from = phone.receive(buffer.clear())) != null;) {
			ports.add(((InetSocketAddress) from).getPort());
		}
		return ports;
	}
}
