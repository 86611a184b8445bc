package org.tandem.admin.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tandem.core.NotFound;
import org.tandem.core.PhoneNumber;
import org.tandem.ivr.FlowVersion;
import org.tandem.ivr.IvrAdministration;
import org.tandem.ivr.IvrFlows;

/**
 * IVR flows: the list, one flow's newest version in YAML to edit (each save is a new version, checked in full
 * first, so a fault is shown by the node it is in), and activating a version on a dialled number.
 */
@Controller
class FlowPages {

	private final IvrAdministration administration;
	private final IvrFlows flows;
	private final AuditedChanges changes;

	FlowPages(IvrAdministration administration, IvrFlows flows, AuditedChanges changes) {
		this.administration = administration;
		this.flows = flows;
		this.changes = changes;
	}

	@GetMapping("/admin/flows")
	String list(Model model) {
		model.addAttribute("flows", administration.flows());
		return "admin/flows";
	}

	@GetMapping("/admin/flows/new")
	String create(Model model) {
		model.addAttribute("name", "");
		model.addAttribute("document", "");
		model.addAttribute("versions", List.of());
		model.addAttribute("isNew", true);
		return "admin/flow-edit";
	}

	@GetMapping("/admin/flows/{name}")
	String edit(@PathVariable String name, @RequestParam(required = false) Integer version, Model model,
			HttpServletResponse response) {
		try {
			show(name, version, model);
		}
		catch (RuntimeException e) {
			model.addAttribute(Problem.ATTRIBUTE, Problem.of(e, response));
			model.addAttribute("document", "");
			model.addAttribute("versions", List.of());
		}
		model.addAttribute("name", name);
		model.addAttribute("isNew", false);
		return "admin/flow-edit";
	}

	/** The flow's versions, and one of them (the newest unless asked) as YAML. */
	private void show(String name, Integer version, Model model) {
		List<FlowVersion> versions = administration.versions(name);
		int shown = version != null ? version : versions.get(versions.size() - 1).version();
		model.addAttribute("document", administration.document(name, shown));
		model.addAttribute("shownVersion", shown);
		model.addAttribute("versions", versions);
	}

	@PostMapping("/admin/flows")
	String saveNew(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String document,
			Model model, HttpServletResponse response) {
		return save(name.strip(), document, true, model, response);
	}

	@PostMapping("/admin/flows/{name}")
	String saveExisting(@PathVariable String name, @RequestParam(defaultValue = "") String document, Model model,
			HttpServletResponse response) {
		return save(name, document, false, model, response);
	}

	@PostMapping("/admin/flows/{name}/versions/{version}/activate")
	String activate(@PathVariable String name, @PathVariable int version, @RequestParam(defaultValue = "") String number,
			Model model, HttpServletResponse response) {
		try {
			changes.run("flow.activate", "flow", name + " " + version,
					() -> flows.activate(name, version, PhoneNumber.parse(number, "number")));
			return "redirect:/admin/flows/" + name + "?activated=" + version;
		}
		catch (RuntimeException e) {
			model.addAttribute("activationProblem", Problem.of(e, response));
			model.addAttribute("activationVersion", version);
			model.addAttribute("number", number);
			return edit(name, null, model, response);
		}
	}

	private String save(String name, String document, boolean isNew, Model model, HttpServletResponse response) {
		try {
			FlowVersion saved = changes.run("flow.save", "flow", name, () -> flows.save(name, document));
			return "redirect:/admin/flows/" + saved.name() + "?saved=" + saved.version();
		}
		catch (RuntimeException e) {
			model.addAttribute(Problem.ATTRIBUTE, Problem.of(e, response));
			// The refused text stays in the form to be put right; the versions are listed as they are.
			model.addAttribute("versions", isNew ? List.of() : savedVersions(name));
			model.addAttribute("name", name);
			model.addAttribute("document", document);
			model.addAttribute("isNew", isNew);
			return "admin/flow-edit";
		}
	}

	/** A flow whose first save was refused has no versions yet. */
	private List<FlowVersion> savedVersions(String name) {
		try {
			return administration.versions(name);
		}
		catch (NotFound none) {
			return List.of();
		}
	}
}
