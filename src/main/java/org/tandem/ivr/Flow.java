package org.tandem.ivr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A caller's journey as a practice writes it: named nodes, and the one a call starts at. Whether it holds
 * together (every name known, the emergency notice first) is checked when it is saved, not here, so that
 * the error can name the node.
 */
public record Flow(String start, Map<String, FlowNode> nodes) {

	public Flow {
		nodes = nodes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
	}

	public FlowNode node(String name) {
		var node = nodes.get(name);
		if (node == null) {
			throw new IllegalArgumentException("the flow has no node " + name);
		}
		return node;
	}
}
