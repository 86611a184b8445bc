package org.tandem.routing.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tandem.routing.Explanation;

/** What one engine command changed: to be written in one transaction, then its events published. */
public final class Changes {

	final List<Object> events = new ArrayList<>();
	final Set<ContactState> contacts = new LinkedHashSet<>();
	/** The contacts among {@link #contacts} that are new: inserted whole, the others only updated. */
	final Set<ContactState> created = new LinkedHashSet<>();
	final Set<AgentState> agents = new LinkedHashSet<>();
	final List<Explanation> explanations = new ArrayList<>();

	public List<Object> events() {
		return events;
	}

	public Set<ContactState> contacts() {
		return contacts;
	}

	public Set<ContactState> created() {
		return created;
	}

	public Set<AgentState> agents() {
		return agents;
	}

	public List<Explanation> explanations() {
		return explanations;
	}

	void addAll(Changes other) {
		events.addAll(other.events);
		contacts.addAll(other.contacts);
		created.addAll(other.created);
		agents.addAll(other.agents);
		explanations.addAll(other.explanations);
	}

	boolean isEmpty() {
		return events.isEmpty() && contacts.isEmpty() && agents.isEmpty() && explanations.isEmpty();
	}
}
