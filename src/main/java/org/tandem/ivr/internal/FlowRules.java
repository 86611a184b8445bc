package org.tandem.ivr.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.tandem.core.InvalidInput;
import org.tandem.ivr.Flow;
import org.tandem.ivr.FlowNode;

/**
 * What a flow must be before a single call may follow it: every name known, every node reachable, a way
 * out from everywhere, and the emergency notice before the caller is asked anything or handed on. The
 * first fault found is an {@link InvalidInput} naming the node, e.g. {@code nodes.main-menu.options.3}.
 */
final class FlowRules {

	private FlowRules() {
	}

	/** {@code prompts}: the ids present in every language, since a caller who chose Spanish must not meet silence. */
	static void check(Flow flow, Set<String> prompts) {
		InvalidInput.require(!flow.nodes().isEmpty(), "nodes", "a flow needs at least one node");
		InvalidInput.require(flow.start() != null && !flow.start().isBlank(), "start", "the start node is required");
		InvalidInput.require(flow.nodes().containsKey(flow.start()), "start", "no node named '" + flow.start() + "'");
		flow.nodes().forEach((name, node) -> checkNode(flow, name, node, prompts));
		checkReachable(flow);
		checkWayOut(flow);
		checkNoticeFirst(flow);
	}

	private static void checkNode(Flow flow, String name, FlowNode node, Set<String> prompts) {
		String field = "nodes." + name;
		InvalidInput.require(node != null, field, "a node needs a type");
		for (String property : node.required()) {
			InvalidInput.require(node.exits().containsKey(property) || node.prompts().containsKey(property),
					field + "." + property, property + " is required for this node");
		}
		node.exits().forEach((property, target) -> InvalidInput.require(flow.nodes().containsKey(target),
				field + "." + property, "no node named '" + target + "'"));
		node.prompts().forEach((property, prompt) -> InvalidInput.require(prompts.contains(prompt),
				field + "." + property, "no prompt '" + prompt + "' in the prompt set of every language"));
		NodeSettings.check(field, node);
	}

	private static void checkReachable(Flow flow) {
		var reached = reachable(flow, flow.start(), false);
		for (String name : flow.nodes().keySet()) {
			InvalidInput.require(reached.containsKey(name), "nodes." + name, "cannot be reached from the start node");
		}
	}

	/** A node from which no exit can be reached would keep the caller going round for ever. */
	private static void checkWayOut(Flow flow) {
		var leadsOut = new LinkedHashSet<String>();
		boolean grew = true;
		while (grew) {
			grew = false;
			for (var entry : flow.nodes().entrySet()) {
				var node = entry.getValue();
				if (!leadsOut.contains(entry.getKey())
						&& (node.isExit() || node.exits().values().stream().anyMatch(leadsOut::contains))) {
					grew = leadsOut.add(entry.getKey());
				}
			}
		}
		for (String name : flow.nodes().keySet()) {
			InvalidInput.require(leadsOut.contains(name), "nodes." + name,
					"is in a loop without an exit: no enqueue, voicemail, transfer or hangup can be reached from it");
		}
	}

	private static void checkNoticeFirst(Flow flow) {
		var cameFrom = reachable(flow, flow.start(), true);
		for (var name : cameFrom.keySet()) {
			if (flow.node(name).needsNoticeFirst()) {
				throw new InvalidInput("nodes." + name,
						"can be reached without the emergency notice first (" + path(cameFrom, name) + ")");
			}
		}
	}

	/** Node → the node it was first reached from; with {@code stopAtNotice}, no path goes through an emergency node. */
	private static Map<String, String> reachable(Flow flow, String start, boolean stopAtNotice) {
		var cameFrom = new HashMap<String, String>();
		var queue = new ArrayDeque<String>();
		cameFrom.put(start, null);
		queue.add(start);
		while (!queue.isEmpty()) {
			var name = queue.poll();
			var node = flow.node(name);
			if (stopAtNotice && node instanceof FlowNode.Emergency) {
				continue;
			}
			for (String next : node.exits().values()) {
				if (!cameFrom.containsKey(next)) {
					cameFrom.put(next, name);
					queue.add(next);
				}
			}
		}
		return cameFrom;
	}

	private static String path(Map<String, String> cameFrom, String name) {
		var path = new StringBuilder(name);
		for (String from = cameFrom.get(name); from != null; from = cameFrom.get(from)) {
			path.insert(0, from + " → ");
		}
		return path.toString();
	}
}
