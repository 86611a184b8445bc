package org.tandem.ivr;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import tools.jackson.dataformat.yaml.YAMLMapper;

/** Flows, prompt texts and a crisis configuration as the shipped files have them. */
public final class IvrFixtures {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private IvrFixtures() {
	}

	public static Flow demoFlow() {
		return flow("/ivr/flows/demo.yaml");
	}

	public static Flow flow(String resource) {
		try (var in = IvrFixtures.class.getResourceAsStream(resource)) {
			return YAML.readValue(in, Flow.class);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static Flow flowFromYaml(String yaml) {
		return YAML.readValue(yaml, Flow.class);
	}

	public static Properties promptTexts(String language) {
		var texts = new Properties();
		try (var in = IvrFixtures.class.getResourceAsStream("/ivr/prompts/" + language + ".properties")) {
			texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return texts;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static Set<String> defaultPromptIds() {
		return promptTexts("en").stringPropertyNames();
	}

	/** The lines of the seed configuration, with the notice the default prompts speak. */
	public static CrisisConfiguration crisis() {
		return new CrisisConfiguration(List.of(
				new CrisisLine("Emergency services", "911", Set.of(CrisisLine.How.CALL), Map.of(), "always"),
				new CrisisLine("988 Suicide and Crisis Lifeline", "988", Set.of(CrisisLine.How.CALL, CrisisLine.How.TEXT),
						Map.of("1", "Veterans Crisis Line", "2", "Spanish"), "24/7"),
				new CrisisLine("Trevor Project (TrevorLifeline)", "+18664887386", Set.of(CrisisLine.How.CALL), Map.of(),
						"24/7")),
				Map.of("en", promptTexts("en").getProperty("emergency"), "es", promptTexts("es").getProperty("emergency")),
				LocalDate.of(2026, 11, 27), LocalDate.of(2027, 5, 27));
	}
}
