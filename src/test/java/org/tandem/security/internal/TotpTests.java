package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTests {

	/** The SHA-1 seed of RFC 6238 Appendix B. */
	private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest(name = "at {0} s the code is {1}")
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void matchesTheTestVectorsOfRfc6238(long epochSecond, String expected) {
		assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(epochSecond)), 8)).isEqualTo(expected);
	}

	@Test
	void sixDigitCodesAreTheLowDigitsOfTheSameValue() {
		assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(59)), 6)).isEqualTo("287082");
		assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(1111111109)), 6)).isEqualTo("081804");
	}

	@Test
	void acceptsTheCurrentStepAndOneEitherSide() {
		Instant now = Instant.ofEpochSecond(1_800_000_015);
		long step = Totp.step(now);
		for (long offset = -1; offset <= 1; offset++) {
			String code = Totp.code(RFC_SEED, step + offset, 6);
			assertThat(Totp.matchingStep(RFC_SEED, code, now, 0)).hasValue(step + offset);
		}
	}

	@Test
	void refusesCodesTwoStepsAway() {
		Instant now = Instant.ofEpochSecond(1_800_000_015);
		long step = Totp.step(now);
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 2, 6), now, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 2, 6), now, 0)).isEmpty();
	}

	@Test
	void refusesACodeWhoseStepWasAlreadyUsed() {
		Instant now = Instant.ofEpochSecond(1_800_000_015);
		long step = Totp.step(now);
		String code = Totp.code(RFC_SEED, step, 6);
		assertThat(Totp.matchingStep(RFC_SEED, code, now, step)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 1, 6), now, step)).hasValue(step + 1);
	}

	@Test
	void refusesWhatIsNotSixDigits() {
		Instant now = Instant.ofEpochSecond(1_800_000_015);
		assertThat(Totp.matchingStep(RFC_SEED, null, now, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SEED, "12345", now, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SEED, "12a456", now, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, Totp.step(now), 8), now, 0)).isEmpty();
	}

	@ParameterizedTest(name = "{0} is {1} in base32")
	@CsvSource({ "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI" })
	void encodesBase32AsRfc4648WithoutPadding(String text, String base32) {
		byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
		assertThat(Base32.encode(bytes)).isEqualTo(base32);
		assertThat(Base32.decode(base32)).isEqualTo(bytes);
		assertThat(Base32.decode(base32.toLowerCase() + "==")).isEqualTo(bytes);
	}

	@Test
	void buildsAnOtpauthUriAuthenticatorAppsRead() {
		assertThat(UserManagement.uri("fran", "ABC")).isEqualTo(
				"otpauth://totp/Tandem%3Afran?secret=ABC&issuer=Tandem&algorithm=SHA1&digits=6&period=30");
	}
}
