package org.tandem.ivr;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One step of a flow, told apart by {@code type} in the document. Each node names the nodes it can lead
 * to ({@link #exits()}) and the prompts it plays ({@link #prompts()}), both keyed by the property that
 * holds them, so that validation can name the property at fault.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = FlowNode.Play.class, name = "play"),
		@JsonSubTypes.Type(value = FlowNode.Emergency.class, name = "emergency"),
		@JsonSubTypes.Type(value = FlowNode.Menu.class, name = "menu"),
		@JsonSubTypes.Type(value = FlowNode.LanguageChoice.class, name = "language"),
		@JsonSubTypes.Type(value = FlowNode.Hours.class, name = "hours"),
		@JsonSubTypes.Type(value = FlowNode.Identify.class, name = "identify"),
		@JsonSubTypes.Type(value = FlowNode.Location.class, name = "location"),
		@JsonSubTypes.Type(value = FlowNode.Enqueue.class, name = "enqueue"),
		@JsonSubTypes.Type(value = FlowNode.Voicemail.class, name = "voicemail"),
		@JsonSubTypes.Type(value = FlowNode.Transfer.class, name = "transfer"),
		@JsonSubTypes.Type(value = FlowNode.Hangup.class, name = "hangup") })
public sealed interface FlowNode {

	/** Property → node name, for every node this one can lead to. */
	@JsonIgnore
	Map<String, String> exits();

	/** Property → prompt id, for every prompt this one plays. */
	@JsonIgnore
	default Map<String, String> prompts() {
		return Map.of();
	}

	/** The properties among {@link #exits()} and {@link #prompts()} that a node of this type cannot do without. */
	@JsonIgnore
	Set<String> required();

	/** Where a journey may end: the caller is handed on, recorded or let go. */
	@JsonIgnore
	default boolean isExit() {
		return false;
	}

	/** A node that asks the caller something or hands the call on, which the emergency notice must precede. */
	@JsonIgnore
	default boolean needsNoticeFirst() {
		return true;
	}

	private static Map<String, String> present(String... keysAndValues) {
		var present = new LinkedHashMap<String, String>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				present.put(keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return present;
	}

	record Play(String prompt, String next) implements FlowNode {

		@Override
		public Set<String> required() {
			return Set.of("prompt", "next");
		}

		@Override
		public Map<String, String> exits() {
			return present("next", next);
		}

		@Override
		public Map<String, String> prompts() {
			return present("prompt", prompt);
		}

		@Override
		public boolean needsNoticeFirst() {
			return false;
		}
	}

	/** Plays the emergency options of the crisis configuration; its words are not the flow's to choose. */
	record Emergency(String next) implements FlowNode {

		@Override
		public Set<String> required() {
			return Set.of("next");
		}

		@Override
		public Map<String, String> exits() {
			return present("next", next);
		}

		@Override
		public boolean needsNoticeFirst() {
			return false;
		}
	}

	/** Options map one key (0-9, * or #) to a node; after {@code retries} wrong or missing answers, {@code default}. */
	record Menu(String prompt, Map<String, String> options, Integer timeoutSeconds, Integer retries,
			String invalidPrompt, @JsonProperty("default") String otherwise) implements FlowNode {

		public Menu {
			options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
			timeoutSeconds = timeoutSeconds == null ? 5 : timeoutSeconds;
			retries = retries == null ? 2 : retries;
		}

		@Override
		public Set<String> required() {
			return Set.of("prompt", "default");
		}

		@Override
		public Map<String, String> exits() {
			var exits = new LinkedHashMap<String, String>();
			options.forEach((key, node) -> exits.put("options." + key, node));
			exits.putAll(present("default", otherwise));
			return exits;
		}

		@Override
		public Map<String, String> prompts() {
			return present("prompt", prompt, "invalidPrompt", invalidPrompt);
		}
	}

	/** Options map a key to a language code; a caller who presses nothing keeps the language they have. */
	record LanguageChoice(String prompt, Map<String, String> options, Integer timeoutSeconds, String next)
			implements FlowNode {

		/** The languages with a default prompt set. */
		public static final Set<String> LANGUAGES = Set.of("en", "es");

		public LanguageChoice {
			options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
			timeoutSeconds = timeoutSeconds == null ? 5 : timeoutSeconds;
		}

		@Override
		public Set<String> required() {
			return Set.of("prompt", "next");
		}

		@Override
		public Map<String, String> exits() {
			return present("next", next);
		}

		@Override
		public Map<String, String> prompts() {
			return present("prompt", prompt);
		}
	}

	/**
	 * Open or closed at the moment the call arrived, in {@code timeZone}. {@code weekly} maps a day
	 * ({@code monday}…) to spans like {@code 09:00-17:00}; a date in {@code exceptions} replaces its day's
	 * spans (an empty list: closed), and a holiday is closed all day.
	 */
	record Hours(String timeZone, Map<String, List<String>> weekly, List<java.time.LocalDate> holidays,
			Map<java.time.LocalDate, List<String>> exceptions, String open, String closed) implements FlowNode {

		public Hours {
			weekly = weekly == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(weekly));
			holidays = holidays == null ? List.of() : List.copyOf(holidays);
			exceptions = exceptions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(exceptions));
		}

		@Override
		public Set<String> required() {
			return Set.of("open", "closed");
		}

		@Override
		public Map<String, String> exits() {
			return present("open", open, "closed", closed);
		}

		@Override
		public boolean needsNoticeFirst() {
			return false;
		}

		public boolean isOpenAt(Instant at) {
			return OpeningHours.of(this).isOpenAt(at);
		}

		/** Reads every time and zone, so that a wrong one is found when the flow is saved, not when a call comes. */
		public void check() {
			OpeningHours.of(this);
		}
	}

	/** Looks the caller's number up among the practice's clients. */
	record Identify(String known, String unknown) implements FlowNode {

		@Override
		public Set<String> required() {
			return Set.of("known", "unknown");
		}

		@Override
		public Map<String, String> exits() {
			return present("known", known, "unknown", unknown);
		}

		@Override
		public boolean needsNoticeFirst() {
			return false;
		}
	}

	/** Asks for the ZIP code of where the caller is now, since licensure follows the caller's location. */
	record Location(String prompt, String invalidPrompt, Integer timeoutSeconds, Integer retries, String ok,
			String failed) implements FlowNode {

		public Location {
			timeoutSeconds = timeoutSeconds == null ? 10 : timeoutSeconds;
			retries = retries == null ? 2 : retries;
		}

		@Override
		public Set<String> required() {
			return Set.of("prompt", "ok", "failed");
		}

		@Override
		public Map<String, String> exits() {
			return present("ok", ok, "failed", failed);
		}

		@Override
		public Map<String, String> prompts() {
			return present("prompt", prompt, "invalidPrompt", invalidPrompt);
		}
	}

	/** Hands the call to a routing queue with what the journey learned; the caller holds as {@code hold} says. */
	record Enqueue(String queue, Integer priority, Hold hold) implements FlowNode {

		public Enqueue {
			priority = priority == null ? 0 : priority;
			hold = hold == null ? new Hold(null, null, null, null) : hold;
		}

		@Override
		public Set<String> required() {
			return Set.of();
		}

		@Override
		public Map<String, String> exits() {
			return present("hold.voicemail", hold.voicemail());
		}

		@Override
		public boolean isExit() {
			return true;
		}
	}

	/**
	 * How a caller waits: {@code music}, position and wait announced every {@code announceEverySeconds}
	 * (none when left out), 1 for a callback that keeps their place when {@code callback} is true, 2 for the
	 * {@code voicemail} node when one is named.
	 */
	record Hold(String music, Integer announceEverySeconds, Boolean callback, String voicemail) {

		@JsonIgnore
		public boolean offersCallback() {
			return callback != null && callback;
		}

		@JsonIgnore
		public boolean offersChoices() {
			return offersCallback() || voicemail != null;
		}
	}

	/** Records up to {@code maxSeconds} and leaves it in {@code queue} as a voicemail contact. */
	record Voicemail(String prompt, Integer maxSeconds, String queue, String next) implements FlowNode {

		public Voicemail {
			maxSeconds = maxSeconds == null ? 120 : maxSeconds;
		}

		@Override
		public Set<String> required() {
			return Set.of("next");
		}

		@Override
		public Map<String, String> exits() {
			return present("next", next);
		}

		@Override
		public Map<String, String> prompts() {
			return present("prompt", prompt);
		}

		@Override
		public boolean isExit() {
			return true;
		}
	}

	record Transfer(String number) implements FlowNode {

		@Override
		public Set<String> required() {
			return Set.of();
		}

		@Override
		public Map<String, String> exits() {
			return Map.of();
		}

		@Override
		public boolean isExit() {
			return true;
		}
	}

	record Hangup(String prompt) implements FlowNode {

		@Override
		public Set<String> required() {
			return Set.of();
		}

		@Override
		public Map<String, String> exits() {
			return Map.of();
		}

		@Override
		public Map<String, String> prompts() {
			return present("prompt", prompt);
		}

		@Override
		public boolean isExit() {
			return true;
		}

		@Override
		public boolean needsNoticeFirst() {
			return false;
		}
	}
}
