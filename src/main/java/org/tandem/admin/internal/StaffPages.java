package org.tandem.admin.internal;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tandem.directory.StaffDocuments;

/** Staff: a list with what routing matches on, and one person's API document to edit. */
@Controller
class StaffPages {

	private final StaffDocuments staff;
	private final AuditedChanges changes;

	StaffPages(StaffDocuments staff, AuditedChanges changes) {
		this.staff = staff;
		this.changes = changes;
	}

	@GetMapping("/admin/staff")
	String list(Model model) {
		model.addAttribute("staff", staff.everyone().stream().map(StaffRow::of).toList());
		return "admin/staff";
	}

	@GetMapping("/admin/staff/{id}")
	String edit(@PathVariable UUID id, Model model, HttpServletResponse response) {
		String name = staff.everyone().stream().filter(member -> member.id().equals(id)).map(member -> member.name())
			.findFirst().orElse(null);
		model.addAttribute("document", Problem.document(() -> staff.document(id), model, response));
		model.addAttribute("id", id);
		model.addAttribute("name", name);
		return "admin/staff-edit";
	}

	@PostMapping("/admin/staff/{id}")
	String save(@PathVariable UUID id, @RequestParam(defaultValue = "") String document, Model model,
			HttpServletResponse response) {
		try {
			var saved = changes.run("staff.update", "staff", id.toString(), () -> staff.replace(id, document));
			return "redirect:/admin/staff/" + saved.id() + "?saved";
		}
		catch (RuntimeException e) {
			model.addAttribute(Problem.ATTRIBUTE, Problem.of(e, response));
			model.addAttribute("document", document);
			model.addAttribute("id", id);
			model.addAttribute("name", null);
			return "admin/staff-edit";
		}
	}
}
