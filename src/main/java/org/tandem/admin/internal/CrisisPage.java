package org.tandem.admin.internal;

import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tandem.ivr.IvrAdministration;
import org.tandem.ivr.IvrFlows;

/**
 * The crisis numbers every caller hears first, edited whole with their review dates; the page warns once the
 * review date has come, since the numbers are read to people in danger.
 */
@Controller
class CrisisPage {

	private final IvrAdministration administration;
	private final IvrFlows ivr;
	private final AuditedChanges changes;
	private final Clock clock;

	CrisisPage(IvrAdministration administration, IvrFlows ivr, AuditedChanges changes, Clock clock) {
		this.administration = administration;
		this.ivr = ivr;
		this.changes = changes;
		this.clock = clock;
	}

	@GetMapping("/admin/crisis")
	String show(Model model) {
		model.addAttribute("document", administration.crisisDocument());
		AdminHome.CrisisReviewNotice.add(model, ivr.crisis(), AdminHome.today(clock));
		return "admin/crisis";
	}

	@PostMapping("/admin/crisis")
	String save(@RequestParam(defaultValue = "") String document, Model model, HttpServletResponse response) {
		try {
			changes.run("crisis.replace", "crisis", null, () -> administration.replaceCrisis(document));
			return "redirect:/admin/crisis?saved";
		}
		catch (RuntimeException e) {
			model.addAttribute(Problem.ATTRIBUTE, Problem.of(e, response));
			model.addAttribute("document", document);
			AdminHome.CrisisReviewNotice.add(model, ivr.crisis(), AdminHome.today(clock));
			return "admin/crisis";
		}
	}
}
