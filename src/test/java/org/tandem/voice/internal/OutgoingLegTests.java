package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tandem.core.Conflict;
import org.tandem.voice.Destination;
import org.tandem.voice.RingFailed;

/** The outgoing leg's moves one by one; the SIP messages they call for are the caller's to send. */
class OutgoingLegTests {

	private final OutgoingLeg leg = new OutgoingLeg("call-1", new Destination.Phone(UUID.randomUUID()), "sip-1", null);

	@Test
	void isAnsweredBridgedAndHungUpByTheOtherSide() {
		assertThat(leg.provisional()).isFalse();
		assertThat(leg.answered(null, null)).isTrue();
		assertThat(leg.state()).isEqualTo(OutgoingLeg.State.ANSWERED);

		leg.bridge();

		assertThat(leg.hungUp()).isEqualTo(OutgoingLeg.State.BRIDGED);
		assertThat(leg.state()).isEqualTo(OutgoingLeg.State.ENDED);
	}

	@Test
	void waitsForAProvisionalResponseBeforeCancellingAndCancelsOnce() {
		assertThat(leg.stopRinging()).isEqualTo(OutgoingLeg.GiveUp.WAIT);
		assertThat(leg.stopRinging()).isEqualTo(OutgoingLeg.GiveUp.WAIT);

		assertThat(leg.provisional()).as("the CANCEL goes out now").isTrue();
		assertThat(leg.provisional()).as("a second 180 sends no second CANCEL").isFalse();
		assertThat(leg.stopRinging()).isEqualTo(OutgoingLeg.GiveUp.NOTHING);
	}

	@Test
	void cancelsAtOnceAfterAProvisionalResponse() {
		leg.provisional();

		assertThat(leg.stopRinging()).isEqualTo(OutgoingLeg.GiveUp.CANCEL);
		assertThat(leg.stopRinging()).isEqualTo(OutgoingLeg.GiveUp.NOTHING);
	}

	@Test
	void hangsUpAnAnswerThatRacedTheCancel() {
		leg.provisional();
		leg.stopRinging();

		assertThat(leg.answered(null, null)).as("ACK, then BYE").isFalse();
		assertThat(leg.state()).isEqualTo(OutgoingLeg.State.ENDED);
	}

	@Test
	void leavesAnAnsweredLegToReleaseWhichEndsItWithBye() {
		leg.answered(null, null);

		assertThat(leg.stopRinging()).isEqualTo(OutgoingLeg.GiveUp.NOTHING);
		assertThat(leg.release()).isEqualTo(OutgoingLeg.GiveUp.BYE);
		assertThat(leg.release()).isEqualTo(OutgoingLeg.GiveUp.NOTHING);
	}

	@Test
	void bridgesOnlyAnAnsweredLeg() {
		assertThatThrownBy(leg::bridge).isInstanceOf(Conflict.class).hasMessageContaining("calling");
		leg.answered(null, null);
		leg.bridge();
		assertThatThrownBy(leg::bridge).isInstanceOf(Conflict.class).hasMessageContaining("bridged");
	}

	@Test
	void reportsOneOutcomeAndAnswersOneChallenge() {
		assertThat(leg.claimOutcome()).isTrue();
		assertThat(leg.claimOutcome()).isFalse();

		assertThat(leg.mayAnswerChallenge()).isTrue();
		assertThat(leg.mayAnswerChallenge()).isFalse();
	}

	@Test
	void tellsABusyPhoneFromARefusalFromAnError() {
		assertThat(OutgoingLegs.reason(486)).isEqualTo(RingFailed.Reason.BUSY);
		assertThat(OutgoingLegs.reason(600)).isEqualTo(RingFailed.Reason.BUSY);
		assertThat(OutgoingLegs.reason(603)).isEqualTo(RingFailed.Reason.DECLINED);
		assertThat(OutgoingLegs.reason(480)).isEqualTo(RingFailed.Reason.DECLINED);
		assertThat(OutgoingLegs.reason(404)).isEqualTo(RingFailed.Reason.UNREACHABLE);
		assertThat(OutgoingLegs.reason(488)).isEqualTo(RingFailed.Reason.UNREACHABLE);
		assertThat(OutgoingLegs.reason(503)).isEqualTo(RingFailed.Reason.UNREACHABLE);
		assertThat(OutgoingLegs.reason(302)).isEqualTo(RingFailed.Reason.UNREACHABLE);
	}

	@Test
	void failsOnlyWhileUp() {
		assertThat(leg.failed()).isTrue();
		assertThat(leg.failed()).isFalse();
		assertThat(leg.answered(null, null)).isFalse();
	}
}
