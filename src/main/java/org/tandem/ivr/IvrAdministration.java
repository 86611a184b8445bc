package org.tandem.ivr;

import java.util.List;

/**
 * Flows and the crisis configuration as documents, for pages that let an administrator read and edit what
 * the API takes: flows in YAML (saved and activated through {@link IvrFlows}), the crisis configuration in
 * JSON. A document that does not hold is {@link org.tandem.core.InvalidInput} naming its path.
 */
public interface IvrAdministration {

	/** The newest version of every flow, by name. */
	List<FlowVersion> flows();

	/** Every version of a flow, oldest first; a {@link org.tandem.core.NotFound} if there is no such flow. */
	List<FlowVersion> versions(String name);

	/** A saved version as YAML, as it would be written to save it again. */
	String document(String name, int version);

	/**
	 * A saved version as YAML with its hours node {@code node} replaced by {@code hours} and every other node as
	 * it was, ready for {@link IvrFlows#save}; a {@link org.tandem.core.NotFound} if the version has no such node.
	 */
	String documentWithHours(String name, int version, String node, FlowNode.Hours hours);

	/** The crisis configuration as {@code GET /api/ivr/crisis} shows it. */
	String crisisDocument();

	/** Replaces the crisis configuration as {@code PUT /api/ivr/crisis} does. */
	CrisisConfiguration replaceCrisis(String document);
}
