package org.tandem.desk.internal;

import java.security.Principal;
import java.time.Duration;
import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tandem.desk.Disposition;
import org.tandem.routing.QueueDefinition;
import org.tandem.routing.Routing;

/** The desktop's one page; everything on it after loading comes from the event stream and {@link DeskApi}. */
@Controller
class DeskPage {

	private final Agents agents;
	private final Routing routing;
	private final Duration idleLogoff;

	/**
	 * @param idleLogoff how long the page may go without a key or a click before it signs its user out: the
	 *        desktop's open event stream keeps the server's session busy, so the page itself keeps the
	 *        automatic logoff (45 CFR 164.312(a)(2)(iii)), as long as the session's idle timeout by default
	 */
	DeskPage(Agents agents, Routing routing,
			@Value("${tandem.desk.idle-logoff:${server.servlet.session.timeout:30m}}") Duration idleLogoff) {
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
		model.addAttribute("idleSeconds", idleLogoff.toSeconds());
		model.addAttribute("queues", routing.queues().stream().map(QueueDefinition::name).toList());
		return "desk/desk";
	}
}
