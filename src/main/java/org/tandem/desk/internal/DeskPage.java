package org.tandem.desk.internal;

import java.security.Principal;
import java.util.Arrays;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tandem.desk.Disposition;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.Routing;
import org.tandem.security.IdleLogoff;

/** The desktop's one page; everything on it after loading comes from the event stream and {@link DeskApi}. */
@Controller
class DeskPage {

	private final Agents agents;
	private final Routing routing;
	private final IdleLogoff idleLogoff;

	/** @param idleLogoff the desktop's open event stream keeps the session busy, so the page signs out itself */
	DeskPage(Agents agents, Routing routing, IdleLogoff idleLogoff) {
		this.agents = agents;
		this.routing = routing;
		this.idleLogoff = idleLogoff;
	}

	@GetMapping("/desk")
	String desk(Principal principal, Model model) {
		var agent = agents.find(principal);
		model.addAttribute("username", principal.getName());
		model.addAttribute("agent", agent.isPresent());
		model.addAttribute("agentName", agent.map(Agent::name).orElse(null));
		model.addAttribute("readsNotes", agent.map(Agent::readsNotes).orElse(false));
		model.addAttribute("dispositions", Arrays.asList(Disposition.values()));
		model.addAttribute("idleSeconds", idleLogoff.seconds());
		model.addAttribute("queues", routing.queues().stream().map(QueueDefinition::name).toList());
		return "desk/desk";
	}
}
