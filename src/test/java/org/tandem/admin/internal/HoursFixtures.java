package org.tandem.admin.internal;

import org.tandem.core.PhoneNumber;
import org.tandem.ivr.FlowVersion;
import org.tandem.ivr.IvrFlows;

/** A small practice line whose office hours decide between the front desk and goodbye, answering a number. */
final class HoursFixtures {

	static final String NODE = "office-hours";

	/** Open from 7 am on Fridays, so that the tests' clock, 8 am on Friday in Chicago, finds it open. */
	static final String FLOW = """
			start: emergency
			nodes:
			  emergency:
			    type: emergency
			    next: office-hours
			  office-hours:
			    type: hours
			    timeZone: America/Chicago
			    weekly:
			      monday: ["09:00-17:00"]
			      tuesday: ["09:00-12:00", "13:00-19:00"]
			      wednesday: ["09:00-17:00"]
			      thursday: ["09:00-17:00"]
			      friday: ["07:00-19:00"]
			    holidays: [2026-01-01, 2026-12-25]
			    exceptions:
			      2026-12-24: ["09:00-12:00"]
			    open: desk
			    closed: goodbye
			  desk:
			    type: enqueue
			    queue: front-desk
			    hold: { music: default, announceEverySeconds: 60, callback: true }
			  goodbye:
			    type: hangup
			    prompt: goodbye
			""";

	private HoursFixtures() {
	}

	static FlowVersion answering(IvrFlows flows, String name, String number) {
		var saved = flows.save(name, FLOW);
		return flows.activate(name, saved.version(), PhoneNumber.parse(number, "number"));
	}

	static String anchor(String name) {
		return "hours-" + name + "-" + NODE;
	}

	/** The flow's own section of the hours page, which lists every active flow the tests have made. */
	static String section(String html, String name) {
		int start = html.indexOf("id=\"" + anchor(name) + "\"");
		if (start < 0) {
			throw new AssertionError("the page has no section for " + name);
		}
		return html.substring(start, html.indexOf("</section>", start));
	}
}
