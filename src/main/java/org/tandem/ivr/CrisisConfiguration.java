package org.tandem.ivr;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.tandem.core.InvalidInput;

/**
 * The emergency options every caller hears first: the crisis lines, the notice spoken in each language,
 * the day someone last checked the numbers and the day they must be checked again. Numbers change
 * (988's LGBTQ+ option ended on 2025-07-17), so they are data with a date, not code.
 */
public record CrisisConfiguration(List<CrisisLine> lines, Map<String, String> notice, LocalDate reviewedOn,
		LocalDate reviewBy) {

	/** The day 988 stopped offering its LGBTQ+ youth option (key 3). */
	static final LocalDate LIFELINE_OPTION_3_ENDED = LocalDate.of(2025, 7, 17);

	public CrisisConfiguration {
		InvalidInput.require(lines != null && !lines.isEmpty(), "lines", "at least one crisis line is required");
		lines = List.copyOf(lines);
		notice = notice == null ? Map.of() : Map.copyOf(notice);
		InvalidInput.require(reviewedOn != null, "reviewedOn", "the day the numbers were last checked is required");
		InvalidInput.require(reviewBy != null && reviewBy.isAfter(reviewedOn), "reviewBy",
				"the day the numbers must be checked again is required, after reviewedOn");
		for (int i = 0; i < lines.size(); i++) {
			var line = lines.get(i);
			InvalidInput.require(!line.digits().equals("988") || !line.options().containsKey("3"),
					"lines[" + i + "].options.3", "988's LGBTQ+ youth option ended on " + LIFELINE_OPTION_3_ENDED);
		}
		for (String language : List.of("en", "es")) {
			String text = notice.get(language);
			InvalidInput.require(text != null && !text.isBlank(), "notice." + language,
					"the emergency notice is required in " + language);
			checkMentionsEveryLine(lines, language, text);
		}
	}

	/**
	 * Spoken numbers are written digit by digit ("9 8 8"), so the digits of the notice, run together, must
	 * contain each line's digits: a line added or renumbered without changing the notice is refused.
	 */
	private static void checkMentionsEveryLine(List<CrisisLine> lines, String language, String text) {
		String digits = text.replaceAll("[^0-9]", "");
		for (var line : lines) {
			InvalidInput.require(digits.contains(line.digits()), "notice." + language,
					"the notice does not give the number of " + line.name() + " (" + line.number() + ")");
		}
	}

	public String notice(String language) {
		return notice.getOrDefault(language, notice.get("en"));
	}

	public boolean isDueForReview(LocalDate today) {
		return !today.isBefore(reviewBy);
	}
}
