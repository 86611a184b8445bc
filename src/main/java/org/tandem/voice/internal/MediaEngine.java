package org.tandem.voice.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

import org.tandem.platform.Threads;

/**
 * All calls' RTP on three threads: two that keep the media clocks, which send every session's next 20 ms
 * frame, and one selector that receives on every session's port. A thread per call would not hold the
 * thousand-odd calls a small machine can carry.
 */
final class MediaEngine implements AutoCloseable {

	private final RtpPorts ports;

	private final long timeoutNanos;

	/** Every open session, and the clock that sends for it. */
	private final Map<RtpSession, MediaClock> sessions = new ConcurrentHashMap<>();

	private final Queue<RtpSession> toRegister = new ConcurrentLinkedQueue<>();

	/**
	 * Ten clocks, each sending for a tenth of the calls, 2 ms apart, on two threads. Sending for a thousand-odd
	 * calls takes a good part of the 20 ms frame in system calls; in small bursts spread over the frame, a
	 * burst held up by another process makes a few calls late instead of half of them, and the receiving end
	 * takes the packets as a steady flow.
	 */
	private static final int CLOCKS = 10;

	private static final long SPACING_NANOS = MediaClock.FRAME_NANOS / CLOCKS;

	private static final int SENDERS = 2;

	private final MediaClock[] clocks = new MediaClock[CLOCKS];

	private final Thread[] senders = new Thread[SENDERS];

	private volatile boolean open = true;

	/**
	 * How often the receiver takes on the calls opened since it last looked. Nobody wakes it for them:
	 * {@link Selector#wakeup()} holds a lock that the receiver needs after it is woken, and an ordinary thread
	 * preempted while holding it kept the receiver, a real-time thread, waiting for 22 and 55 ms in a burst
	 * of new calls. A new call's first packets wait in its socket meanwhile.
	 */
	private static final long REGISTER_EVERY_MILLIS = 10;

	private final Selector selector;

	private final Thread receiver;

	MediaEngine(RtpPorts ports, long timeoutNanos) {
		this.ports = ports;
		this.timeoutNanos = timeoutNanos;
		try {
			this.selector = Selector.open();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Threads.urgentCollector();
		this.receiver = Threads.urgent("rtp-receive").newThread(this::receive);
		receiver.start();
		long start = System.nanoTime() + MediaClock.FRAME_NANOS;
		for (int i = 0; i < CLOCKS; i++) {
			clocks[i] = new MediaClock(start + i * SPACING_NANOS);
		}
		ThreadFactory pinned = Threads.urgentPinned("rtp-clock");
		for (int i = 0; i < SENDERS; i++) {
			int sender = i;
			senders[i] = pinned.newThread(() -> send(sender));
			senders[i].start();
		}
	}

	RtpSession open(Codec codec, OptionalInt eventPayloadType, InetSocketAddress remote, RtpSession.Listener listener) {
		RtpSession session = new RtpSession(ports.open(), codec, eventPayloadType, remote, listener);
		MediaClock least = Arrays.stream(clocks).min(Comparator.comparingInt(MediaClock::size)).orElseThrow();
		sessions.put(session, least);
		least.add(session);
		// Registering while another thread blocks in select() can stall; the selector thread does it.
		toRegister.add(session);
		return session;
	}

	void close(RtpSession session) {
		MediaClock sender = sessions.remove(session);
		if (sender != null) {
			sender.remove(session);
		}
		session.close();
	}

	int sessionCount() {
		return sessions.size();
	}

	/**
	 * Wakes when one of this thread's clocks (every other one) is due, and then runs every clock that is due,
	 * the other thread's too. The two threads keep to different CPUs. One held up, by a long tick or because
	 * the machine's host stopped running its CPU for a while (which happens to virtual machines, and stops
	 * that CPU's timers too), then delays its clocks' calls by a couple of milliseconds, until the other
	 * thread's next wake-up, not until it runs again. A scheduled pool would not: of its threads, only one
	 * waits with a timer, and the others wait for it.
	 */
	private void send(int sender) {
		while (open) {
			long now = System.nanoTime();
			// At the latest by this thread's next clock: the one due now may be running on the other thread.
			long wake = now + SENDERS * SPACING_NANOS;
			for (int i = 0; i < CLOCKS; i++) {
				clocks[i].tickIfDue(now, timeoutNanos);
				long due = clocks[i].due();
				if (i % SENDERS == sender && due > now) {
					wake = Math.min(wake, due);
				}
			}
			LockSupport.parkNanos(wake - System.nanoTime());
		}
	}

	private void receive() {
		ByteBuffer buffer = ByteBuffer.allocate(2048);
		try {
			while (selector.isOpen()) {
				selector.select(REGISTER_EVERY_MILLIS);
				for (RtpSession session; (session = toRegister.poll()) != null;) {
					if (session.channel().isOpen()) {
						session.channel().register(selector, SelectionKey.OP_READ, session);
					}
				}
				for (SelectionKey key : selector.selectedKeys()) {
					drain(key, buffer);
				}
				selector.selectedKeys().clear();
			}
		}
		catch (ClosedSelectorException | IOException e) {
			// Shutting down.
		}
	}

	private void drain(SelectionKey key, ByteBuffer buffer) {
		RtpSession session = (RtpSession) key.attachment();
		try {
			for (SocketAddress from; (from = session.channel().receive(buffer.clear())) != null;) {
				session.received(buffer.flip(), from);
			}
		}
		catch (IOException | RuntimeException e) {
			key.cancel();
		}
	}

	@Override
	public void close() {
		open = false;
		for (Thread sender : senders) {
			LockSupport.unpark(sender);
		}
		try {
			selector.close();
		}
		catch (IOException e) {
			// Closing anyway.
		}
		sessions.keySet().forEach(RtpSession::close);
		sessions.clear();
	}
}
