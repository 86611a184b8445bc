package org.tandem.ivr.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Prompts and hold music as files the voice module can play. A prompt lives in the database or the jar;
 * it is written out once and the file reused by every call until the practice uploads a new recording.
 */
@Component
class PromptFiles {

	private static final Logger log = LoggerFactory.getLogger(PromptFiles.class);

	private static final String FALLBACK_LANGUAGE = "en";

	private record Copy(long revision, Path file) {
	}

	private final PromptLibrary library;

	private final Path directory;

	private final Map<String, Copy> copies = new ConcurrentHashMap<>();

	PromptFiles(PromptLibrary library) throws IOException {
		this.library = library;
		this.directory = Files.createTempDirectory("tandem-prompts");
	}

	/** The prompt in the caller's language, or in English when the practice has it only there. */
	Path prompt(String language, String id) {
		long revision = library.revision();
		String key = language + "/" + id;
		Copy copy = copies.get(key);
		if (copy != null && copy.revision() == revision) {
			return copy.file();
		}
		byte[] audio = library.audio(language, id)
			.or(() -> library.audio(FALLBACK_LANGUAGE, id))
			.orElseThrow(() -> new IllegalStateException("no prompt '" + id + "' in " + language));
		Path file = write(language + "-" + id + "-" + revision + ".wav", audio);
		copies.put(key, new Copy(revision, file));
		return file;
	}

	/** Hold music by name; names the jar does not carry get the default music. */
	Path music(String name) {
		String safe = name != null && name.matches("[a-z0-9-]{1,40}") ? name : "default";
		return copies.computeIfAbsent("music/" + safe, key -> new Copy(0, write("music-" + safe + ".wav", shippedMusic(safe))))
			.file();
	}

	private static byte[] shippedMusic(String name) {
		try (InputStream in = PromptFiles.class.getResourceAsStream("/ivr/music/" + name + ".wav")) {
			if (in != null) {
				return in.readAllBytes();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (name.equals("default")) {
			throw new IllegalStateException("the default hold music is missing from the jar");
		}
		log.warn("No hold music named '{}'; playing the default", name);
		return shippedMusic("default");
	}

	private Path write(String name, byte[] audio) {
		try {
			Path file = directory.resolve(name);
			Path part = Files.createTempFile(directory, name, ".part");
			Files.write(part, audio);
			// Another call may be playing the previous copy: the new one appears whole or not at all.
			return Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@PreDestroy
	void deleteCopies() throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
	}
}
