package org.tandem.ivr.internal;

import java.util.List;

import org.tandem.core.InvalidInput;
import org.tandem.ivr.Flow;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a flow document written in JSON or YAML; what cannot be read is {@link InvalidInput} on its path. */
final class FlowDocuments {

	private static final String TYPES = "play, emergency, menu, language, hours, identify, location, enqueue, "
			+ "voicemail, transfer or hangup";

	private final ObjectMapper json;
	private final ObjectMapper yaml = YAMLMapper.builder().build();

	FlowDocuments(ObjectMapper json) {
		this.json = json;
	}

	Flow read(String body, boolean isYaml) {
		InvalidInput.require(body != null && !body.isBlank(), "body", "a flow document is required");
		try {
			var flow = (isYaml ? yaml : json).readValue(body, Flow.class);
			InvalidInput.require(flow != null, "body", "a flow document is required");
			return flow;
		}
		catch (InvalidTypeIdException e) {
			throw new InvalidInput(join(path(e.getPath()), "type"), "every node needs a type: " + TYPES);
		}
		catch (JacksonException e) {
			String path = path(e.getPath());
			throw new InvalidInput(path.isEmpty() ? "body" : path,
					"not a readable flow document: " + e.getOriginalMessage());
		}
	}

	private static String join(String path, String property) {
		return path.isEmpty() ? property : path + "." + property;
	}

	private static String path(List<JacksonException.Reference> references) {
		var path = new StringBuilder();
		for (var reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}
}
