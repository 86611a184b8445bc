package org.tandem.ivr.internal;

/**
 * The keys a call is asked for: up to {@code maxDigits}, ended early by #. The timer that gives up on the
 * caller is the runner's; this only keeps count, and a generation number that tells a stale timer apart.
 */
final class DigitCollector {

	private final int maxDigits;

	private final StringBuilder keys = new StringBuilder();

	private boolean complete;

	DigitCollector(int maxDigits) {
		this.maxDigits = maxDigits;
	}

	/** Takes one key; true when the answer is complete (enough keys, or # after at least none). */
	boolean take(char key) {
		if (complete) {
			return true;
		}
		if (key == '#' && maxDigits > 1) {
			complete = true;
		}
		else {
			keys.append(key);
			complete = keys.length() >= maxDigits;
		}
		return complete;
	}

	boolean isEmpty() {
		return keys.isEmpty();
	}

	String keys() {
		return keys.toString();
	}
}
