package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.security.SecurityProperties;

class FieldEncryptionTests {

	private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	@TempDir
	Path folder;

	@Test
	void encryptsEachValueWithItsOwnNonceBehindAVersionPrefix() {
		var encryption = new FieldEncryption(randomKey());

		String once = encryption.encrypt(SECRET, "users.totp_secret:1");
		String twice = encryption.encrypt(SECRET, "users.totp_secret:1");

		assertThat(once).startsWith("v1:").doesNotContain(SECRET).isNotEqualTo(twice);
		assertThat(Base64.getDecoder().decode(once.substring(3))).hasSize(12 + SECRET.length() + 16);
		assertThat(encryption.decrypt(once, "users.totp_secret:1")).isEqualTo(SECRET);
		assertThat(encryption.decrypt(twice, "users.totp_secret:1")).isEqualTo(SECRET);
	}

	@Test
	void refusesAValueUnderAnotherKeyInAnotherRowOrAltered() {
		var encryption = new FieldEncryption(randomKey());
		String stored = encryption.encrypt(SECRET, "users.totp_secret:1");
		char last = stored.charAt(stored.length() - 2);
		String altered = stored.substring(0, stored.length() - 2) + (last == 'A' ? 'B' : 'A') + stored.charAt(stored.length() - 1);

		assertThatThrownBy(() -> new FieldEncryption(randomKey()).decrypt(stored, "users.totp_secret:1"))
			.isInstanceOf(UnreadableSecret.class).hasMessageContaining("tandem.security.secret-key");
		assertThatThrownBy(() -> encryption.decrypt(stored, "users.totp_secret:2")).isInstanceOf(UnreadableSecret.class);
		assertThatThrownBy(() -> encryption.decrypt(altered, "users.totp_secret:1")).isInstanceOf(UnreadableSecret.class);
		assertThatThrownBy(() -> encryption.decrypt(SECRET, "users.totp_secret:1")).isInstanceOf(UnreadableSecret.class);
		assertThatThrownBy(() -> encryption.decrypt("v1:AAAA", "users.totp_secret:1")).isInstanceOf(UnreadableSecret.class);
	}

	@Test
	void createsAnOwnerOnlyKeyFileOnceAndReadsItAfterARestart() throws IOException {
		Path file = SecretKeyFile.besideDataDir(folder.resolve("postgres"));

		byte[] created = SecretKeyFile.readOrCreate(file);
		String stored = new FieldEncryption(created).encrypt(SECRET, "users.totp_secret:1");
		byte[] afterRestart = SecretKeyFile.readOrCreate(file);

		assertThat(file).isEqualTo(folder.resolve("secret.key"));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(created).hasSize(32);
		assertThat(afterRestart).isEqualTo(created);
		assertThat(new FieldEncryption(afterRestart).decrypt(stored, "users.totp_secret:1")).isEqualTo(SECRET);
		try (var files = Files.list(folder)) {
			assertThat(files).as("no draft left behind").containsExactly(file);
		}
	}

	@Test
	void refusesAKeyFileThatHoldsNoKey() throws IOException {
		Path file = folder.resolve("secret.key");
		Files.writeString(file, Base64.getEncoder().encodeToString(new byte[16]));

		assertThatThrownBy(() -> SecretKeyFile.readOrCreate(file)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(file.toString()).hasMessageContaining("tandem.security.secret-key");
	}

	@Test
	void refusesASecretKeySettingThatIsNotThirtyTwoBytesOfBase64() {
		var lockout = new SecurityProperties.Lockout(5, Duration.ofMinutes(15), Duration.ofMinutes(15), 50);
		String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

		for (String bad : new String[] { sixteenBytes, "not base64 at all!" }) {
			assertThatThrownBy(() -> new SecurityProperties("admin", null, true, bad, lockout, null))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageStartingWith("tandem.security.secret-key (TANDEM_SECRET_KEY) must be the base64 of 32")
				.hasMessageNotContaining(bad);
		}
		byte[] key = randomKey();
		var properties = new SecurityProperties("admin", null, true, Base64.getEncoder().encodeToString(key), lockout, null);
		assertThat(properties.secretKeyBytes()).isEqualTo(key);
		assertThat(properties.toString()).doesNotContain(Base64.getEncoder().encodeToString(key));
	}

	private static byte[] randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}
}
