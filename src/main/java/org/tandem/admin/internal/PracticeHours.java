package org.tandem.admin.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;
import org.tandem.core.Conflict;
import org.tandem.core.NotFound;
import org.tandem.core.PhoneNumber;
import org.tandem.ivr.FlowNode;
import org.tandem.ivr.FlowVersion;
import org.tandem.ivr.IvrAdministration;
import org.tandem.ivr.IvrFlows;

/**
 * The opening hours callers meet today: the hours nodes of every flow version that answers a number. A change
 * is saved as the flow's next version and takes that version's place on its numbers at once, since a practice
 * closing for a snow day cannot wait for someone to activate it.
 */
@Component
class PracticeHours {

	/** One hours node of a version that answers at least one number. */
	record ActiveHours(FlowVersion version, String node, FlowNode.Hours hours) {
	}

	private final IvrAdministration administration;
	private final IvrFlows flows;

	PracticeHours(IvrAdministration administration, IvrFlows flows) {
		this.administration = administration;
		this.flows = flows;
	}

	List<ActiveHours> active() {
		var active = new ArrayList<ActiveHours>();
		for (FlowVersion newest : administration.flows()) {
			for (FlowVersion version : administration.versions(newest.name())) {
				if (!version.activeOn().isEmpty()) {
					version.flow().nodes().forEach((node, step) -> {
						if (step instanceof FlowNode.Hours hours) {
							active.add(new ActiveHours(version, node, hours));
						}
					});
				}
			}
		}
		return active;
	}

	/** Saves the edited node as the next version, which then answers every number the edited version answered. */
	FlowVersion change(String name, int version, String node, UnaryOperator<FlowNode.Hours> edit) {
		FlowVersion edited = administration.versions(name).stream()
			.filter(candidate -> candidate.version() == version)
			.findFirst()
			.orElseThrow(() -> new NotFound("Flow version", name + " " + version));
		if (edited.activeOn().isEmpty()) {
			throw new Conflict("version " + version + " of " + name + " no longer answers any number, so another change "
					+ "was made since this page was opened; reload the page to see the hours callers meet now");
		}
		if (!(edited.flow().nodes().get(node) instanceof FlowNode.Hours hours)) {
			throw new NotFound("Hours node", name + " " + version + " " + node);
		}
		FlowVersion saved = flows.save(name, administration.documentWithHours(name, version, node, edit.apply(hours)));
		for (String number : edited.activeOn()) {
			saved = flows.activate(name, saved.version(), PhoneNumber.parse(number, "number"));
		}
		return saved;
	}
}
