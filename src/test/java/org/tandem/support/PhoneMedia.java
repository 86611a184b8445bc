package org.tandem.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The audio side of a test phone: while sipp does its SIP, this socket is the {@code m=audio} port its
 * SDP names. It sends a steady tone as PCMU every 20 ms (as a phone's microphone would, which keeps the
 * call from timing out), sends keys as RFC 4733 events, and keeps what it hears as one tone per 20 ms frame,
 * measured by zero crossings, so a test can tell the emergency notice from hold music or the agent's voice.
 */
public final class PhoneMedia implements AutoCloseable {

	private static final int TELEPHONE_EVENT = 101;

	/** One received frame: when, and its loudest-looking frequency (0 for silence). */
	public record Heard(long atNanos, int payloadType, int hertz) {
	}

	private final DatagramSocket socket;

	private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();

	private final Thread receiver;

	private final List<Heard> heard = new ArrayList<>();

	private final int toneHertz;

	private volatile SocketAddress peer;

	private int sequence;

	private long timestamp;

	private long samplesSent;

	private volatile boolean sendingTone = true;

	public PhoneMedia(int toneHertz) {
		this.toneHertz = toneHertz;
		try {
			socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		}
		catch (SocketException e) {
			throw new UncheckedIOException(e);
		}
		receiver = new Thread(this::receive, "phone-media-" + port());
		receiver.setDaemon(true);
		receiver.start();
		sender.scheduleAtFixedRate(this::sendFrame, 20, 20, TimeUnit.MILLISECONDS);
	}

	public int port() {
		return socket.getLocalPort();
	}

	/** Presses a key: RFC 4733 events for 100 ms, then the end packet three times, as phones do. */
	public void press(char key) {
		int event = key == '*' ? 10 : key == '#' ? 11 : key - '0';
		sendingTone = false;
		synchronized (this) {
			long start = timestamp;
			for (int i = 1; i <= 5; i++) {
				send(TELEPHONE_EVENT, i == 1, start, event(event, false, i * 160));
				pause(20);
			}
			for (int i = 0; i < 3; i++) {
				send(TELEPHONE_EVENT, false, start, event(event, true, 800));
			}
			timestamp += 800;
		}
		sendingTone = true;
		pause(100);
	}

	/** RFC 4733 §2.3: event, end bit and volume (-10 dBm0), duration in samples. */
	private static byte[] event(int event, boolean end, int duration) {
		return new byte[] { (byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration };
	}

	public void press(String keys) {
		keys.chars().forEach(key -> press((char) key));
	}

	public synchronized List<Heard> heard() {
		return List.copyOf(heard);
	}

	/** The frequencies heard so far, one per run of frames with the same tone, silence left out. */
	public List<Integer> tones() {
		var tones = new ArrayList<Integer>();
		int runLength = 0;
		int last = -1;
		for (Heard frame : heard()) {
			int hz = Math.round(frame.hertz() / 50f) * 50;
			if (hz == last) {
				runLength++;
				// A tone counts once it has lasted 100 ms, so a stray frame does not.
				if (runLength == 5 && hz > 0 && (tones.isEmpty() || tones.get(tones.size() - 1) != hz)) {
					tones.add(hz);
				}
			}
			else {
				last = hz;
				runLength = 1;
			}
		}
		return tones;
	}

	/** Frames heard since the given time whose tone is within 10 % of {@code hertz}. */
	public long framesOf(int hertz, long sinceNanos) {
		return heard().stream()
			.filter(frame -> frame.atNanos() >= sinceNanos && Math.abs(frame.hertz() - hertz) <= hertz / 10)
			.count();
	}

	private void sendFrame() {
		if (peer == null || !sendingTone) {
			return;
		}
		byte[] payload = new byte[160];
		for (int i = 0; i < payload.length; i++) {
			double sample = 8000 * Math.sin(2 * Math.PI * toneHertz * (samplesSent + i) / 8000.0);
			payload[i] = muLaw((short) sample);
		}
		samplesSent += 160;
		synchronized (this) {
			send(0, false, timestamp, payload);
			timestamp += 160;
		}
	}

	private void send(int payloadType, boolean marker, long at, byte[] payload) {
		ByteBuffer packet = ByteBuffer.allocate(12 + payload.length);
		packet.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | payloadType)).putShort((short) sequence++)
			.putInt((int) at).putInt(0x7A4D0001).put(payload);
		try {
			socket.send(new DatagramPacket(packet.array(), packet.position(), peer));
		}
		catch (IOException e) {
			// The call may be over; the test decides from what was heard.
		}
	}

	private void receive() {
		byte[] buffer = new byte[2048];
		while (!socket.isClosed()) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				socket.receive(packet);
			}
			catch (IOException e) {
				return;
			}
			if (packet.getLength() < 12) {
				continue;
			}
			// Answer where the other side sends from, as Tandem does (symmetric RTP).
			peer = packet.getSocketAddress();
			int payloadType = buffer[1] & 0x7F;
			if (payloadType != 0 && payloadType != 8) {
				continue;
			}
			short[] samples = new short[packet.getLength() - 12];
			for (int i = 0; i < samples.length; i++) {
				byte b = buffer[12 + i];
				samples[i] = payloadType == 0 ? fromMuLaw(b) : fromALaw(b);
			}
			synchronized (this) {
				heard.add(new Heard(System.nanoTime(), payloadType, hertz(samples)));
			}
		}
	}

	/** Zero crossings of a frame, as a frequency; quiet frames are silence. */
	public static int hertz(short[] samples) {
		int loudest = 0;
		for (short sample : samples) {
			loudest = Math.max(loudest, Math.abs(sample));
		}
		if (loudest < 500) {
			return 0;
		}
		int crossings = 0;
		for (int i = 1; i < samples.length; i++) {
			if ((samples[i - 1] < 0) != (samples[i] < 0)) {
				crossings++;
			}
		}
		return crossings * 8000 / (2 * samples.length);
	}

	static byte muLaw(short pcm) {
		int sign = (pcm >> 8) & 0x80;
		int magnitude = Math.min(Math.abs((int) pcm), 32635) + 0x84;
		int exponent = 7;
		for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
			exponent--;
		}
		int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
		return (byte) ~(sign | (exponent << 4) | mantissa);
	}

	static short fromMuLaw(byte encoded) {
		int u = ~encoded & 0xFF;
		int t = ((u & 0x0F) << 3) + 0x84;
		t <<= (u & 0x70) >> 4;
		return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
	}

	static short fromALaw(byte encoded) {
		int a = (encoded ^ 0x55) & 0xFF;
		int t = (a & 0x0F) << 4;
		int segment = (a & 0x70) >> 4;
		t = segment == 0 ? t + 8 : segment == 1 ? t + 0x108 : (t + 0x108) << (segment - 1);
		return (short) ((a & 0x80) != 0 ? t : -t);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		sender.shutdownNow();
		socket.close();
	}
}
