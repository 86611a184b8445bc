package org.tandem.ivr.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.Conflict;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;
import org.tandem.core.PhoneNumber;
import org.tandem.ivr.CrisisConfiguration;
import org.tandem.ivr.Flow;
import org.tandem.ivr.FlowVersion;
import org.tandem.ivr.Interpreter;
import org.tandem.ivr.IvrFlows;
import org.tandem.ivr.ZipCodes;
import tools.jackson.databind.json.JsonMapper;

/** Saving, versioning and activating flows; a flow is checked in full before anything is stored. */
@Service
class FlowManagement implements IvrFlows {

	private static final ZipCodes ZIPS = ZipCodes.shipped();

	private final Flows flows;
	private final CrisisConfigurations crisis;
	private final PromptLibrary prompts;
	private final FlowDocuments documents;

	FlowManagement(Flows flows, CrisisConfigurations crisis, PromptLibrary prompts, JsonMapper json) {
		this.documents = new FlowDocuments(json);
		this.flows = flows;
		this.crisis = crisis;
		this.prompts = prompts;
	}

	@Override
	public FlowVersion save(String name, String document) {
		// JSON is YAML too; reading as YAML takes either.
		return save(name, documents.read(document, true));
	}

	@Override
	public FlowVersion activate(String name, int version, PhoneNumber number) {
		return activate(name, version, number.e164());
	}

	@Transactional
	FlowVersion save(String name, Flow flow) {
		InvalidInput.require(name.matches("[a-z0-9][a-z0-9-]{0,59}"), "name",
				"a flow name is lower-case letters, digits and dashes, at most 60");
		FlowRules.check(flow, prompts.idsInEveryLanguage());
		try {
			return version(name, flows.save(name, flow));
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("another version of " + name + " was saved at the same moment; send it again");
		}
	}

	FlowVersion latest(String name) {
		return flows.latest(name).orElseThrow(() -> new NotFound("Flow", name));
	}

	FlowVersion version(String name, int version) {
		return flows.find(name, version).orElseThrow(() -> new NotFound("Flow version", name + " " + version));
	}

	List<FlowVersion> versions(String name) {
		var versions = flows.versions(name);
		if (versions.isEmpty()) {
			throw new NotFound("Flow", name);
		}
		return versions;
	}

	@Transactional
	FlowVersion activate(String name, int version, String number) {
		var dialled = PhoneNumber.parse(number, "number");
		version(name, version);
		flows.activate(name, version, dialled.e164());
		return version(name, version);
	}

	@Override
	public Optional<FlowVersion> activeFor(PhoneNumber dialled) {
		return flows.activeFor(dialled.e164());
	}

	@Override
	public CrisisConfiguration crisis() {
		return crisis.current();
	}

	@Override
	public Interpreter interpreter(FlowVersion version) {
		return new Interpreter(version.flow(), crisis.current(), ZIPS);
	}
}
