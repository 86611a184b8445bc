package org.tandem.ivr.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.tandem.core.InvalidInput;
import org.tandem.ivr.FlowNode;

/**
 * The prompts a flow may play: the default set generated from {@code ivr/prompts/<language>.properties},
 * and the practice's own recordings, which take the place of a default with the same id.
 */
@Component
class PromptLibrary {

	static final Duration LONGEST = Duration.ofSeconds(120);

	private final Prompts uploads;
	private final Map<String, Set<String>> defaults;
	private final AtomicLong revision = new AtomicLong();

	PromptLibrary(Prompts uploads) {
		this.uploads = uploads;
		this.defaults = FlowNode.LanguageChoice.LANGUAGES.stream()
			.collect(Collectors.toMap(Function.identity(), PromptLibrary::defaultIds));
	}

	/** A recording a caller can hear as it is, and not longer than a caller will listen to. */
	static WaveFile check(byte[] audio) {
		InvalidInput.require(audio != null && audio.length > 0, "audio", "a WAV file is required");
		var wave = WaveFile.read(audio);
		wave.requirePlayable();
		InvalidInput.require(wave.length().compareTo(LONGEST) <= 0, "audio",
				"a prompt may last " + LONGEST.toSeconds() + " s at most, not " + wave.length().toSeconds() + " s");
		return wave;
	}

	void upload(String language, String id, byte[] audio) {
		InvalidInput.require(defaults.containsKey(language), "language",
				"prompts are kept for " + defaults.keySet() + ", not '" + language + "'");
		InvalidInput.require(id.matches("[a-z0-9][a-z0-9-]{0,39}"), "id",
				"a prompt id is lower-case letters, digits and dashes, at most 40");
		check(audio);
		uploads.save(language, id, audio);
		revision.incrementAndGet();
	}

	/** Goes up with every upload, so that copies of prompts made before it can be told apart. */
	long revision() {
		return revision.get();
	}

	Set<String> idsInEveryLanguage() {
		Set<String> common = null;
		for (var language : defaults.keySet()) {
			var ids = new HashSet<>(defaults.get(language));
			ids.addAll(uploads.ids(language));
			if (common == null) {
				common = ids;
			}
			else {
				common.retainAll(ids);
			}
		}
		return common;
	}

	Optional<byte[]> audio(String language, String id) {
		if (!defaults.containsKey(language) || !id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
			return Optional.empty();
		}
		return uploads.find(language, id).or(() -> shipped(language, id));
	}

	private static Optional<byte[]> shipped(String language, String id) {
		try (InputStream in = PromptLibrary.class.getResourceAsStream("/ivr/prompts/" + language + "/" + id + ".wav")) {
			return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Set<String> defaultIds(String language) {
		var texts = new Properties();
		try (var in = PromptLibrary.class.getResourceAsStream("/ivr/prompts/" + language + ".properties")) {
			texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return Set.copyOf(texts.stringPropertyNames());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
