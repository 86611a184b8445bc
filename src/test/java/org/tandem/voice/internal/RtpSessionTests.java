package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One session on real loopback sockets, driven tick by tick instead of by the media clock. */
class RtpSessionTests {

	private static final long TIMEOUT = 60_000_000_000L;

	private final List<String> heard = new ArrayList<>();

	private DatagramChannel ours;

	private DatagramChannel sdpAddress;

	private DatagramChannel natAddress;

	private RtpSession session;

	@BeforeEach
	void openSockets() throws IOException {
		ours = bound();
		sdpAddress = bound();
		natAddress = bound();
		session = new RtpSession(ours, Codec.PCMA, OptionalInt.of(101),
				(InetSocketAddress) sdpAddress.getLocalAddress(), new RtpSession.Listener() {

					@Override
					public void keyPressed(char key) {
						heard.add("key " + key);
					}

					@Override
					public void mediaTimedOut() {
						heard.add("timeout");
					}
				});
	}

	@AfterEach
	void close() throws IOException {
		session.close();
		sdpAddress.close();
		natAddress.close();
	}

	@Test
	void sendsToTheSdpAddressUntilTheCallerIsHeardThenToWhereTheCallerIs() throws IOException {
		session.play(List.of(new short[320]));
		session.tick(System.nanoTime(), TIMEOUT);
		ByteBuffer first = receive(sdpAddress);
		assertThat(RtpHeader.read(first).payloadType()).isEqualTo(8);
		assertThat(RtpHeader.read(first).marker()).as("start of a talkspurt").isTrue();

		natAddress.send(rtp(8), ours.getLocalAddress());
		session.received(receive(ours), natAddress.getLocalAddress());
		session.tick(System.nanoTime(), TIMEOUT);

		ByteBuffer second = receive(natAddress);
		assertThat(RtpHeader.read(second).sequence()).isEqualTo((RtpHeader.read(first).sequence() + 1) & 0xFFFF);
		assertThat(RtpHeader.read(second).timestamp() - RtpHeader.read(first).timestamp()).isEqualTo(160);
		assertThat(RtpHeader.read(second).marker()).isFalse();
	}

	@Test
	void reportsSilenceOnceWhenNothingArrivesForTheTimeout() throws IOException {
		long start = System.nanoTime();
		session.tick(start + TIMEOUT / 2, TIMEOUT);
		assertThat(heard).isEmpty();

		session.tick(start + TIMEOUT + 1_000_000_000L, TIMEOUT);
		session.tick(start + TIMEOUT + 2_000_000_000L, TIMEOUT);
		assertThat(heard).containsExactly("timeout");
	}

	@Test
	void ignoresDatagramsThatAreNotRtp() {
		session.received(ByteBuffer.wrap(new byte[] { 'h', 'e', 'l', 'l', 'o' }), null);
		session.received(ByteBuffer.wrap(new byte[3]), null);

		assertThat(heard).isEmpty();
	}

	private static ByteBuffer rtp(int payloadType) {
		ByteBuffer packet = ByteBuffer.allocate(12 + 160);
		RtpHeader.write(packet, payloadType, false, 1, 160, 7);
		return packet.position(packet.limit()).flip();
	}

	private static DatagramChannel bound() throws IOException {
		DatagramChannel channel = DatagramChannel.open();
		channel.bind(new InetSocketAddress("127.0.0.1", 0));
		return channel;
	}

	private static ByteBuffer receive(DatagramChannel channel) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(2048);
		channel.receive(buffer);
		return buffer.flip();
	}
}
