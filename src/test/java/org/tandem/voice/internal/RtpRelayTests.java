package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** One direction of a bridge, without sockets: what goes in from one phone, what would go out to the other. */
class RtpRelayTests {

	private static final long OUR_SSRC = 0xCAFEL;

	private final List<ByteBuffer> sent = new ArrayList<>();

	private final RtpRelay.Outlet outlet = new RtpRelay.Outlet() {

		@Override
		public RtpRelay.Stream stream() {
			return new RtpRelay.Stream(OUR_SSRC, 65534, 0xFFFFFF00L);
		}

		@Override
		public void send(ByteBuffer packet) {
			sent.add(ByteBuffer.allocate(packet.remaining()).put(packet).flip());
		}
	};

	@Test
	void continuesTheOtherLegsOwnStreamKeepingTheSendersGaps() {
		RtpRelay relay = new RtpRelay(OptionalInt.of(101), outlet, Codec.PCMA, OptionalInt.of(96));

		relay.forward(header(packet(8, false, 100, 8000, 0x1234L, (byte) 0x55)), packet(8, false, 100, 8000, 0x1234L, (byte) 0x55));
		relay.forward(header(packet(8, false, 101, 8160, 0x1234L, (byte) 0x55)), packet(8, false, 101, 8160, 0x1234L, (byte) 0x55));
		// One packet lost on the way to us: the other phone sees the same gap.
		relay.forward(header(packet(8, false, 103, 8480, 0x1234L, (byte) 0x55)), packet(8, false, 103, 8480, 0x1234L, (byte) 0x55));

		assertThat(sent).extracting(packet -> RtpHeader.read(packet).sequence()).containsExactly(65534, 65535, 1);
		assertThat(sent).extracting(packet -> RtpHeader.read(packet).timestamp())
			.containsExactly(0xFFFFFF00L, 0xFFFFFFA0L, 0xE0L);
		assertThat(sent).extracting(packet -> RtpHeader.read(packet).ssrc()).containsOnly(OUR_SSRC);
		assertThat(sent).extracting(packet -> RtpHeader.read(packet).marker()).containsExactly(true, false, false);
	}

	@Test
	void transcodesBetweenTheLawsAndPassesTheSameLawThrough() {
		RtpRelay toMuLaw = new RtpRelay(OptionalInt.empty(), outlet, Codec.PCMU, OptionalInt.empty());
		ByteBuffer aLaw = packet(8, true, 1, 0, 1L, (byte) 0x2A);
		ByteBuffer muLaw = packet(0, false, 2, 160, 1L, (byte) 0x9C);

		toMuLaw.forward(header(aLaw), aLaw);
		toMuLaw.forward(header(muLaw), muLaw);

		assertThat(payload(sent.get(0))).containsOnly(MuLaw.encode(ALaw.decode((byte) 0x2A)));
		assertThat(payload(sent.get(1))).containsOnly((byte) 0x9C);
		assertThat(sent).extracting(packet -> RtpHeader.read(packet).payloadType()).containsOnly(0);
	}

	@Test
	void givesTelephoneEventsTheOtherLegsPayloadTypeOrDropsThem() {
		ByteBuffer keyOne = packet(101, true, 7, 320, 1L, (byte) 1);
		new RtpRelay(OptionalInt.of(101), outlet, Codec.PCMU, OptionalInt.of(96)).forward(header(keyOne), keyOne);
		new RtpRelay(OptionalInt.of(101), outlet, Codec.PCMU, OptionalInt.empty()).forward(header(keyOne), keyOne);

		assertThat(sent).hasSize(1);
		assertThat(RtpHeader.read(sent.get(0)).payloadType()).isEqualTo(96);
		assertThat(payload(sent.get(0))).containsOnly((byte) 1);
	}

	@Test
	void dropsComfortNoiseAndContinuesAfterANewSource() {
		RtpRelay relay = new RtpRelay(OptionalInt.empty(), outlet, Codec.PCMU, OptionalInt.empty());
		ByteBuffer first = packet(0, false, 10, 1000, 1L, (byte) 0x7F);
		ByteBuffer comfortNoise = packet(13, false, 11, 1160, 1L, (byte) 0x40);
		ByteBuffer restarted = packet(0, false, 5000, 99_000, 2L, (byte) 0x7F);

		relay.forward(header(first), first);
		relay.forward(header(comfortNoise), comfortNoise);
		relay.forward(header(restarted), restarted);

		assertThat(sent).extracting(packet -> RtpHeader.read(packet).sequence()).containsExactly(65534, 65535);
		assertThat(sent).extracting(packet -> RtpHeader.read(packet).timestamp()).containsExactly(0xFFFFFF00L, 0xFFFFFFA0L);
		assertThat(RtpHeader.read(sent.get(1)).marker()).isTrue();
	}

	@Test
	void leavesOutPaddingAndContributingSources() {
		ByteBuffer padded = ByteBuffer.allocate(12 + 4 + 160 + 3);
		padded.put((byte) 0xA1).put((byte) 0).putShort((short) 1).putInt(160).putInt(1).putInt(0x99);
		for (int i = 0; i < 160; i++) {
			padded.put((byte) 0x7F);
		}
		padded.put((byte) 0).put((byte) 0).put((byte) 3).flip();

		new RtpRelay(OptionalInt.empty(), outlet, Codec.PCMU, OptionalInt.empty()).forward(header(padded), padded);

		assertThat(sent.get(0).remaining()).isEqualTo(12 + 160);
		assertThat(payload(sent.get(0))).containsOnly((byte) 0x7F);
	}

	private static RtpHeader header(ByteBuffer packet) {
		return RtpHeader.read(packet);
	}

	private static ByteBuffer packet(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte sample) {
		ByteBuffer packet = ByteBuffer.allocate(12 + 160);
		RtpHeader.write(packet, payloadType, marker, sequence, timestamp, ssrc);
		while (packet.hasRemaining()) {
			packet.put(sample);
		}
		return packet.flip();
	}

	private static byte[] payload(ByteBuffer packet) {
		RtpHeader header = RtpHeader.read(packet);
		byte[] payload = new byte[packet.limit() - header.payloadOffset()];
		packet.get(header.payloadOffset(), payload);
		return payload;
	}
}
