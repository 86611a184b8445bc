package org.tandem.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.security.SecurityProperties;

/**
 * The encryption key Tandem keeps for itself when {@code tandem.security.secret-key} is not set: base64 of 32
 * random bytes in a file only its owner may read. It is created on the first start and read on every later one.
 */
final class SecretKeyFile {

	static final String NAME = "secret.key";

	private static final Logger log = LoggerFactory.getLogger(SecretKeyFile.class);
	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private SecretKeyFile() {
	}

	/**
	 * Beside the embedded database's folder, not inside it: PostgreSQL creates its folder only when it is empty,
	 * a test database deletes it on shutdown, and a copy of the database should not carry the key that opens it.
	 */
	static Path besideDataDir(Path dataDir) {
		Path absolute = dataDir.toAbsolutePath().normalize();
		return absolute.getParent() == null ? absolute.resolve(NAME) : absolute.resolveSibling(NAME);
	}

	static byte[] readOrCreate(Path file) {
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			return read(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read or create the encryption key file " + file
					+ " (set tandem.security.secret-key / TANDEM_SECRET_KEY, or make its folder writable)", e);
		}
	}

	private static byte[] read(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
		try {
			byte[] key = Base64.getDecoder().decode(text);
			if (key.length == SecurityProperties.SECRET_KEY_BYTES) {
				return key;
			}
		}
		catch (IllegalArgumentException e) {
			// Reported below, with what the file should hold.
		}
		throw new IllegalStateException("The encryption key file " + file + " must hold the base64 of "
				+ SecurityProperties.SECRET_KEY_BYTES + " bytes; restore it from its backup (or set "
				+ "tandem.security.secret-key / TANDEM_SECRET_KEY to the key)");
	}

	/**
	 * Written to a file of its own and then linked into place, which fails if another process (a second Tandem
	 * starting beside this one) got there first: both then use the key that won, never two different ones.
	 */
	private static void create(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		byte[] key = new byte[SecurityProperties.SECRET_KEY_BYTES];
		new SecureRandom().nextBytes(key);
		Path draft = Files.createTempFile(file.toAbsolutePath().getParent(), NAME, ".new", ownerOnly(file));
		try {
			Files.writeString(draft, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
			Files.createLink(file, draft);
			log.warn("Created the encryption key file {} for TOTP secrets. Back it up apart from the database: "
					+ "without it every authenticator must be enrolled again", file);
		}
		catch (FileAlreadyExistsException e) {
			// Another process created it a moment ago; read theirs.
		}
		finally {
			Files.deleteIfExists(draft);
		}
	}

	private static FileAttribute<?>[] ownerOnly(Path file) {
		boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
		return posix ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) } : new FileAttribute<?>[0];
	}
}
