package org.tandem.routing.internal;

/** Fixed-size bit sets over agent indices as plain {@code long[]}, for allocation-free matching. */
final class Bits {

	private Bits() {
	}

	static long[] create(int size) {
		return new long[Math.max(1, (size + 63) >>> 6)];
	}

	static void set(long[] bits, int index, boolean value) {
		if (value) {
			bits[index >>> 6] |= 1L << index;
		}
		else {
			bits[index >>> 6] &= ~(1L << index);
		}
	}

	static boolean get(long[] bits, int index) {
		return (bits[index >>> 6] & (1L << index)) != 0;
	}

	static void fill(long[] bits, int size) {
		java.util.Arrays.fill(bits, 0L);
		for (int i = 0; i < size; i++) {
			set(bits, i, true);
		}
	}

	/** {@code target = target & other}; returns whether any bit is left. */
	static boolean and(long[] target, long[] other) {
		long any = 0;
		for (int i = 0; i < target.length; i++) {
			target[i] &= other[i];
			any |= target[i];
		}
		return any != 0;
	}

	static void or(long[] target, long[] other) {
		for (int i = 0; i < target.length; i++) {
			target[i] |= other[i];
		}
	}

	static boolean isEmpty(long[] bits) {
		for (long word : bits) {
			if (word != 0) {
				return false;
			}
		}
		return true;
	}

	/** The first set index at or after {@code from}, or -1. */
	static int next(long[] bits, int from) {
		int word = from >>> 6;
		if (word >= bits.length) {
			return -1;
		}
		long current = bits[word] & (-1L << from);
		while (true) {
			if (current != 0) {
				return (word << 6) + Long.numberOfTrailingZeros(current);
			}
			if (++word == bits.length) {
				return -1;
			}
			current = bits[word];
		}
	}
}
