package org.tandem.admin.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tandem.ivr.CrisisConfiguration;
import org.tandem.ivr.IvrFlows;

/** The administrator's start page: what can be edited, and the crisis numbers' review if it is due. */
@Controller
class AdminHome {

	private final IvrFlows ivr;
	private final Clock clock;

	AdminHome(IvrFlows ivr, Clock clock) {
		this.ivr = ivr;
		this.clock = clock;
	}

	@GetMapping("/admin")
	String home(Model model) {
		CrisisReviewNotice.add(model, ivr.crisis(), today(clock));
		return "admin/home";
	}

	/** Review dates are calendar days; UTC is the one day every administrator's reading can agree on. */
	static LocalDate today(Clock clock) {
		return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
	}

	/** Puts the review state of the crisis numbers on a page. */
	static final class CrisisReviewNotice {

		private CrisisReviewNotice() {
		}

		static void add(Model model, CrisisConfiguration crisis, LocalDate today) {
			model.addAttribute("crisisReviewedOn", crisis.reviewedOn());
			model.addAttribute("crisisReviewBy", crisis.reviewBy());
			model.addAttribute("crisisOverdue", crisis.isDueForReview(today));
		}
	}
}
