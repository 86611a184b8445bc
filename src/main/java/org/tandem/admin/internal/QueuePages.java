package org.tandem.admin.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tandem.routing.QueueDocuments;
import org.tandem.routing.Routing;

/** Queues with their routing steps, and one queue's API document to edit; a new queue starts from an example. */
@Controller
class QueuePages {

	/** A queue that is easy to change into the one wanted: the practice's own therapists first, then the front desk. */
	static final String EXAMPLE = """
			{
			  "offerTimeoutSeconds" : 20,
			  "steps" : [ {
			    "name" : "Any licensed therapist",
			    "target" : "THERAPISTS",
			    "filters" : [ "LICENSED", "LANGUAGE" ],
			    "strategy" : "BEST_FIT",
			    "timeoutSeconds" : 60
			  }, {
			    "name" : "Front desk",
			    "target" : "FRONT_DESK",
			    "strategy" : "LONGEST_IDLE"
			  } ]
			}
			""";

	private final QueueDocuments queues;
	private final Routing routing;
	private final AuditedChanges changes;

	QueuePages(QueueDocuments queues, Routing routing, AuditedChanges changes) {
		this.queues = queues;
		this.routing = routing;
		this.changes = changes;
	}

	@GetMapping("/admin/queues")
	String list(Model model) {
		model.addAttribute("queues", routing.queues());
		return "admin/queues";
	}

	@GetMapping("/admin/queues/new")
	String create(Model model) {
		model.addAttribute("name", "");
		model.addAttribute("document", EXAMPLE);
		model.addAttribute("isNew", true);
		return "admin/queue-edit";
	}

	@GetMapping("/admin/queues/{name}")
	String edit(@PathVariable String name, Model model, HttpServletResponse response) {
		model.addAttribute("document", Problem.document(() -> queues.document(name), model, response));
		model.addAttribute("name", name);
		model.addAttribute("isNew", false);
		return "admin/queue-edit";
	}

	@PostMapping("/admin/queues")
	String saveNew(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String document,
			Model model, HttpServletResponse response) {
		return save(name.strip(), document, true, model, response);
	}

	@PostMapping("/admin/queues/{name}")
	String saveExisting(@PathVariable String name, @RequestParam(defaultValue = "") String document, Model model,
			HttpServletResponse response) {
		return save(name, document, false, model, response);
	}

	private String save(String name, String document, boolean isNew, Model model, HttpServletResponse response) {
		try {
			var saved = changes.run("queue.save", "queue", name, () -> queues.save(name, document));
			return "redirect:/admin/queues/" + saved.name() + "?saved";
		}
		catch (RuntimeException e) {
			model.addAttribute(Problem.ATTRIBUTE, Problem.of(e, response));
			model.addAttribute("name", name);
			model.addAttribute("document", document);
			model.addAttribute("isNew", isNew);
			return "admin/queue-edit";
		}
	}
}
