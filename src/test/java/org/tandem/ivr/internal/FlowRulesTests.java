package org.tandem.ivr.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tandem.core.InvalidInput;
import org.tandem.ivr.IvrFixtures;

class FlowRulesTests {

	static void check(String yaml) {
		FlowRules.check(IvrFixtures.flowFromYaml(yaml), IvrFixtures.defaultPromptIds());
	}

	static void assertRefused(String yaml, String field, String message) {
		assertThatThrownBy(() -> check(yaml)).isInstanceOf(InvalidInput.class)
			.hasFieldOrPropertyWithValue("field", field)
			.hasMessageContaining(message);
	}

	@Test
	void acceptsTheDemoFlow() {
		assertThatCode(() -> FlowRules.check(IvrFixtures.demoFlow(), IvrFixtures.defaultPromptIds()))
			.doesNotThrowAnyException();
	}

	@Test
	void acceptsASmallFlowWithTheNoticeFirst() {
		assertThatCode(() -> check("""
				start: notice
				nodes:
				  notice: {type: emergency, next: menu}
				  menu: {type: menu, prompt: main-menu, options: {"1": desk}, default: desk}
				  desk: {type: enqueue, queue: front-desk}
				""")).doesNotThrowAnyException();
	}

	@Test
	void refusesAnUnknownNode() {
		assertRefused("""
				start: notice
				nodes:
				  notice: {type: emergency, next: main-menu}
				  main-menu: {type: menu, prompt: main-menu, options: {"1": desk, "3": nowhere}, default: desk}
				  desk: {type: enqueue, queue: front-desk}
				""", "nodes.main-menu.options.3", "no node named 'nowhere'");
	}

	@Test
	void refusesAnUnknownStart() {
		assertRefused("""
				start: hello
				nodes:
				  notice: {type: emergency, next: desk}
				  desk: {type: enqueue, queue: front-desk}
				""", "start", "no node named 'hello'");
	}

	@Test
	void refusesAnUnreachableNode() {
		assertRefused("""
				start: notice
				nodes:
				  notice: {type: emergency, next: desk}
				  desk: {type: enqueue, queue: front-desk}
				  orphan: {type: hangup}
				""", "nodes.orphan", "cannot be reached");
	}

	@Test
	void refusesAPromptThatIsNotInThePromptSet() {
		assertRefused("""
				start: hello
				nodes:
				  hello: {type: play, prompt: jingle, next: notice}
				  notice: {type: emergency, next: desk}
				  desk: {type: enqueue, queue: front-desk}
				""", "nodes.hello.prompt", "no prompt 'jingle'");
	}

	@Test
	void refusesALoopWithoutAnExit() {
		assertRefused("""
				start: notice
				nodes:
				  notice: {type: emergency, next: menu}
				  menu: {type: menu, prompt: main-menu, options: {"1": desk, "2": again}, default: again}
				  again: {type: play, prompt: invalid, next: round}
				  round: {type: menu, prompt: main-menu, options: {"1": again}, default: again}
				  desk: {type: enqueue, queue: front-desk}
				""", "nodes.again", "loop without an exit");
	}

	@Test
	void refusesAMenuBeforeTheEmergencyNotice() {
		assertRefused("""
				start: menu
				nodes:
				  menu: {type: menu, prompt: main-menu, options: {"1": notice}, default: notice}
				  notice: {type: emergency, next: desk}
				  desk: {type: enqueue, queue: front-desk}
				""", "nodes.menu", "without the emergency notice first");
	}

	@Test
	void refusesAPathThatGoesAroundTheNotice() {
		assertRefused("""
				start: hours
				nodes:
				  hours: {type: hours, timeZone: America/Chicago, weekly: {monday: ["09:00-17:00"]}, open: notice, closed: desk}
				  notice: {type: emergency, next: desk}
				  desk: {type: enqueue, queue: front-desk}
				""", "nodes.desk", "hours → desk");
	}

	@Test
	void refusesAMenuWithoutADefault() {
		assertRefused("""
				start: notice
				nodes:
				  notice: {type: emergency, next: menu}
				  menu: {type: menu, prompt: main-menu, options: {"1": desk}}
				  desk: {type: enqueue, queue: front-desk}
				""", "nodes.menu.default", "required");
	}

	@Test
	void refusesATransferToANumberNotInE164Form() {
		assertRefused("""
				start: notice
				nodes:
				  notice: {type: emergency, next: out}
				  out: {type: transfer, number: "(512) 555-0100"}
				""", "nodes.out.number", "+15125550100");
	}

	@Test
	void refusesHoursThatEndBeforeTheyBegin() {
		assertRefused("""
				start: notice
				nodes:
				  notice: {type: emergency, next: hours}
				  hours: {type: hours, timeZone: America/Chicago, weekly: {monday: ["17:00-09:00"]}, open: desk, closed: desk}
				  desk: {type: enqueue, queue: front-desk}
				""", "nodes.hours.weekly.monday[0]", "ends before it begins");
	}

	@Test
	void refusesALanguageWithoutPrompts() {
		assertRefused("""
				start: notice
				nodes:
				  notice: {type: emergency, next: language}
				  language: {type: language, prompt: language, options: {"1": en, "2": fr}, next: desk}
				  desk: {type: enqueue, queue: front-desk}
				""", "nodes.language.options.2", "no prompt set");
	}

	@Test
	void refusesAQueueLeftOut() {
		assertRefused("""
				start: notice
				nodes:
				  notice: {type: emergency, next: desk}
				  desk: {type: enqueue}
				""", "nodes.desk.queue", "a queue is required");
	}
}
