package org.tandem.voice.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.platform.Threads;

/**
 * All calls' RTP on three threads: two clocks that send every session's next 20 ms frame, and one selector
 * that receives on every session's port. A thread per call would not hold the thousand-odd calls a small
 * machine can carry.
 */
final class MediaEngine implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(MediaEngine.class);

	private final RtpPorts ports;

	private final long timeoutNanos;

	private final Set<RtpSession> sessions = ConcurrentHashMap.newKeySet();

	private final Queue<RtpSession> toRegister = new ConcurrentLinkedQueue<>();

	/**
	 * Two clocks, each sending for half the calls: a tick for a thousand calls takes a good part of its 20 ms
	 * in system calls, and one clock held up by another process would make every call late at once.
	 */
	private static final int CLOCKS = 2;

	private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(CLOCKS,
			Threads.urgent("rtp-clock"));

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
		this.receiver = Threads.urgent("rtp-receive").newThread(this::receive);
		receiver.start();
		for (int half = 0; half < CLOCKS; half++) {
			int share = half;
			clock.scheduleAtFixedRate(() -> tick(share), 20, 20, TimeUnit.MILLISECONDS);
		}
	}

	RtpSession open(Codec codec, OptionalInt eventPayloadType, InetSocketAddress remote, RtpSession.Listener listener) {
		RtpSession session = new RtpSession(ports.open(), codec, eventPayloadType, remote, listener);
		sessions.add(session);
		// Registering while another thread blocks in select() can stall; the selector thread does it.
		toRegister.add(session);
		selector.wakeup();
		return session;
	}

	void close(RtpSession session) {
		sessions.remove(session);
		session.close();
	}

	int sessionCount() {
		return sessions.size();
	}

	private void tick(int share) {
		long now = System.nanoTime();
		for (RtpSession session : sessions) {
			// RTP ports are even: the next bit shares the calls out, and a call always has the same clock.
			if ((session.localPort() >> 1) % CLOCKS != share) {
				continue;
			}
			try {
				session.tick(now, timeoutNanos);
			}
			catch (IOException | RuntimeException e) {
				// One broken session must not stop the clock for every other call.
				log.debug("RTP send failed on port {}", session.localPort(), e);
			}
		}
	}

	private void receive() {
		ByteBuffer buffer = ByteBuffer.allocate(2048);
		try {
			while (selector.isOpen()) {
				selector.select();
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
		clock.shutdownNow();
		try {
			selector.close();
		}
		catch (IOException e) {
			// Closing anyway.
		}
		sessions.forEach(RtpSession::close);
		sessions.clear();
	}
}
