package org.tandem.voice.internal;

/** Hears nothing from a call but its timing out, which it reports to {@code onTimeout} on the clock's thread. */
record TimeoutListener(Runnable onTimeout) implements RtpSession.Listener {

	@Override
	public void keyPressed(char key) {
	}

	@Override
	public void mediaTimedOut() {
		onTimeout.run();
	}

	@Override
	public void playbackFinished(long playback) {
	}
}
