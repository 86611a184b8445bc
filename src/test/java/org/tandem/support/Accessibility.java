package org.tandem.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core's WCAG 2 A and AA rules (contrast, labels, names, landmarks, keyboard traps it can see) on
 * the page a driver shows, and says what fails in words a person can act on.
 */
public final class Accessibility {

	private static final String AXE = load();

	private Accessibility() {
	}

	/** Every rule broken on the page: the rule, what it asks for, and the elements that break it. */
	@SuppressWarnings("unchecked")
	public static List<String> violations(WebDriver driver) {
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		var executor = (JavascriptExecutor) driver;
		executor.executeScript(AXE);
		var violations = (List<Map<String, Object>>) executor.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
				  .then(result => done(result.violations.map(v => ({ id: v.id, help: v.help,
				    nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary) }))))
				  .catch(error => done([{ id: 'axe-error', help: String(error), nodes: [] }]));
				""");
		return violations.stream()
			.map(v -> v.get("id") + " (" + v.get("help") + ") at " + String.join("; ", (List<String>) v.get("nodes")))
			.toList();
	}

	private static String load() {
		try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is missing from the test class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
