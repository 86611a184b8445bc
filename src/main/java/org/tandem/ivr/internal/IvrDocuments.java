package org.tandem.ivr.internal;

import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.stereotype.Service;
import org.tandem.core.Documents;
import org.tandem.core.NotFound;
import org.tandem.ivr.CrisisConfiguration;
import org.tandem.ivr.Flow;
import org.tandem.ivr.FlowNode;
import org.tandem.ivr.FlowVersion;
import org.tandem.ivr.IvrAdministration;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Flows and the crisis configuration as the API's documents. A flow is written to YAML from the JSON it is
 * stored as, so that the text shows exactly the properties that were saved and reads back to the same flow.
 */
@Service
class IvrDocuments implements IvrAdministration {

	private final Flows flows;
	private final FlowManagement management;
	private final CrisisConfigurations crisis;
	private final JsonMapper json;
	private final YAMLMapper yaml = YAMLMapper.builder().disable(YAMLWriteFeature.WRITE_DOC_START_MARKER).build();

	IvrDocuments(Flows flows, FlowManagement management, CrisisConfigurations crisis, JsonMapper json) {
		this.flows = flows;
		this.management = management;
		this.crisis = crisis;
		this.json = json;
	}

	@Override
	public List<FlowVersion> flows() {
		return flows.newest();
	}

	@Override
	public List<FlowVersion> versions(String name) {
		return management.versions(name);
	}

	@Override
	public String document(String name, int version) {
		return yaml(management.version(name, version).flow());
	}

	@Override
	public String documentWithHours(String name, int version, String node, FlowNode.Hours hours) {
		Flow flow = management.version(name, version).flow();
		if (!(flow.nodes().get(node) instanceof FlowNode.Hours)) {
			throw new NotFound("Hours node", name + " " + version + " " + node);
		}
		var nodes = new LinkedHashMap<>(flow.nodes());
		nodes.put(node, hours);
		return yaml(new Flow(flow.start(), nodes));
	}

	private String yaml(Flow flow) {
		return yaml.writeValueAsString(json.valueToTree(flow));
	}

	@Override
	public String crisisDocument() {
		return json.writerWithDefaultPrettyPrinter().writeValueAsString(crisis.current());
	}

	@Override
	public CrisisConfiguration replaceCrisis(String document) {
		crisis.replace(Documents.read(json, document, CrisisConfiguration.class));
		return crisis.current();
	}
}
