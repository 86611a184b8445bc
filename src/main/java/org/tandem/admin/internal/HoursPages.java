package org.tandem.admin.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tandem.ivr.FlowNode.Hours;
import org.tandem.ivr.FlowVersion;

/**
 * Opening hours and holidays without editing a flow: the hours nodes of every flow that answers a number, and
 * small forms for the week, a holiday and an exception. Each change is a new version of the flow that takes the
 * edited version's place on its numbers at once; a change that does not hold is shown next to its control.
 */
@Controller
class HoursPages {

	private final PracticeHours practice;
	private final AuditedChanges changes;
	private final Clock clock;

	HoursPages(PracticeHours practice, AuditedChanges changes, Clock clock) {
		this.practice = practice;
		this.changes = changes;
		this.clock = clock;
	}

	@GetMapping("/admin/hours")
	String list(Model model) {
		model.addAttribute("hours", views());
		return "admin/hours";
	}

	@PostMapping("/admin/hours/week")
	String week(@RequestParam String flow, @RequestParam int version, @RequestParam String node,
			@RequestParam(defaultValue = "") String timeZone, @RequestParam Map<String, String> fields, Model model,
			HttpServletResponse response) {
		var texts = new LinkedHashMap<String, String>();
		var days = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			String text = fields.getOrDefault(HoursView.key(day), "");
			texts.put(HoursView.key(day), text);
			days.put(day, HoursEdits.spans(text));
		}
		return change("hours.week", flow, version, node, hours -> HoursEdits.week(hours, timeZone, days),
				form -> form.withWeek(timeZone, texts), model, response);
	}

	@PostMapping("/admin/hours/holidays")
	String addHoliday(@RequestParam String flow, @RequestParam int version, @RequestParam String node,
			@RequestParam(defaultValue = "") String date, Model model, HttpServletResponse response) {
		return change("hours.holiday.add", flow, version, node,
				hours -> HoursEdits.withHoliday(hours, HoursEdits.date(date, "holidays")), form -> form.withHoliday(date),
				model, response);
	}

	@PostMapping("/admin/hours/holidays/remove")
	String removeHoliday(@RequestParam String flow, @RequestParam int version, @RequestParam String node,
			@RequestParam(defaultValue = "") String date, Model model, HttpServletResponse response) {
		return change("hours.holiday.remove", flow, version, node,
				hours -> HoursEdits.withoutHoliday(hours, HoursEdits.date(date, "holidays")), UnaryOperator.identity(),
				model, response);
	}

	@PostMapping("/admin/hours/exceptions")
	String addException(@RequestParam String flow, @RequestParam int version, @RequestParam String node,
			@RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String spans, Model model,
			HttpServletResponse response) {
		return change("hours.exception.add", flow, version, node,
				hours -> HoursEdits.withException(hours, HoursEdits.date(date, "exceptions"), HoursEdits.spans(spans)),
				form -> form.withException(date, spans), model, response);
	}

	@PostMapping("/admin/hours/exceptions/remove")
	String removeException(@RequestParam String flow, @RequestParam int version, @RequestParam String node,
			@RequestParam(defaultValue = "") String date, Model model, HttpServletResponse response) {
		return change("hours.exception.remove", flow, version, node,
				hours -> HoursEdits.withoutException(hours, HoursEdits.date(date, "exceptions")), UnaryOperator.identity(),
				model, response);
	}

	private String change(String action, String flow, int version, String node, UnaryOperator<Hours> edit,
			UnaryOperator<HoursView.Form> sent, Model model, HttpServletResponse response) {
		try {
			FlowVersion saved = changes.run(action, "flow", flow, () -> practice.change(flow, version, node, edit));
			// Flow names are lower-case letters, digits and dashes, and anchors are made of the same.
			return "redirect:/admin/hours?saved=" + saved.version() + "&flow=" + saved.name() + "#"
					+ HoursView.anchor(flow, node);
		}
		catch (RuntimeException e) {
			Problem problem = Problem.of(e, response);
			var views = views();
			boolean placed = false;
			for (int i = 0; i < views.size(); i++) {
				var view = views.get(i);
				if (view.is(flow, version, node)) {
					views.set(i, view.refused(sent.apply(view.form()), HoursFault.of(problem, node)));
					placed = true;
				}
			}
			if (!placed) {
				model.addAttribute(Problem.ATTRIBUTE, problem);
			}
			model.addAttribute("hours", views);
			return "admin/hours";
		}
	}

	private List<HoursView> views() {
		var views = new ArrayList<HoursView>();
		var anchors = new HashSet<String>();
		for (var active : practice.active()) {
			var view = HoursView.of(active, clock.instant());
			// Two versions of one flow may answer different numbers; each needs a section of its own.
			views.add(anchors.add(view.anchor()) ? view : view.withAnchor(view.anchor() + "-" + view.version()));
		}
		return views;
	}
}
