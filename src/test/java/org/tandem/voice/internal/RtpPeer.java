package org.tandem.voice.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The audio end of a phone in a test: sends a 20 ms G.711 frame of one repeated byte every 20 ms to
 * where it is pointed, and keeps every RTP packet it receives.
 */
final class RtpPeer implements AutoCloseable {

	private final DatagramSocket socket;

	private final int payloadType;

	private final byte sample;

	private final long ssrc;

	private final List<byte[]> received = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();

	private final Thread receiver;

	private volatile InetSocketAddress to;

	private int sequence = 1000;

	private long timestamp = 50_000;

	RtpPeer(int payloadType, byte sample, long ssrc) throws SocketException, IOException {
		this.socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
		this.payloadType = payloadType;
		this.sample = sample;
		this.ssrc = ssrc;
		this.receiver = new Thread(this::receive, "rtp-peer-" + socket.getLocalPort());
		receiver.setDaemon(true);
		receiver.start();
		sender.scheduleAtFixedRate(this::send, 20, 20, TimeUnit.MILLISECONDS);
	}

	int port() {
		return socket.getLocalPort();
	}

	/** Starts sending to Tandem's port for this side of the call. */
	void sendTo(int port) {
		to = new InetSocketAddress("127.0.0.1", port);
	}

	List<byte[]> received() {
		return received;
	}

	/**
	 * What was received from the first packet that is not silence on: before a bridge Tandem keeps the
	 * stream going with silence, which is not what crossed the bridge.
	 */
	List<byte[]> sound() {
		List<byte[]> all = List.copyOf(received);
		for (int i = 0; i < all.size(); i++) {
			if (!silent(all.get(i))) {
				return all.subList(i, all.size());
			}
		}
		return List.of();
	}

	/** Silence in G.711 is 0xFF (µ-law, payload type 0) or 0xD5 (A-law, payload type 8) throughout. */
	private static boolean silent(byte[] packet) {
		byte silence = (packet[1] & 0x7F) == 8 ? (byte) 0xD5 : (byte) 0xFF;
		for (int i = 12; i < packet.length; i++) {
			if (packet[i] != silence) {
				return false;
			}
		}
		return true;
	}

	private void send() {
		InetSocketAddress target = to;
		if (target == null) {
			return;
		}
		ByteBuffer packet = ByteBuffer.allocate(12 + 160);
		RtpHeader.write(packet, payloadType, sequence == 1000, sequence, timestamp, ssrc);
		while (packet.hasRemaining()) {
			packet.put(sample);
		}
		sequence = (sequence + 1) & 0xFFFF;
		timestamp += 160;
		try {
			socket.send(new DatagramPacket(packet.array(), packet.capacity(), target));
		}
		catch (IOException closed) {
			// The test is over.
		}
	}

	private void receive() {
		byte[] buffer = new byte[2048];
		while (!socket.isClosed()) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				socket.receive(packet);
				received.add(java.util.Arrays.copyOf(buffer, packet.getLength()));
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	@Override
	public void close() {
		sender.shutdownNow();
		socket.close();
	}
}
