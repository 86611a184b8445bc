package org.tandem.directory.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.tandem.core.Documents;
import org.tandem.core.NotFound;
import org.tandem.directory.StaffDocuments;
import org.tandem.directory.StaffMember;
import tools.jackson.databind.json.JsonMapper;

/** The staff API's document, read and written for pages, through the same {@link StaffJson} and checks. */
@Service
class StaffDocumentService implements StaffDocuments {

	private final DirectoryManagement directory;
	private final JsonMapper json;

	StaffDocumentService(DirectoryManagement directory, JsonMapper json) {
		this.directory = directory;
		this.json = json;
	}

	@Override
	public List<StaffMember> everyone() {
		return directory.everyone();
	}

	@Override
	public String document(UUID id) {
		return json.writerWithDefaultPrettyPrinter().writeValueAsString(StaffJson.of(current(id)));
	}

	@Override
	public StaffMember replace(UUID id, String document) {
		StaffMember current = current(id);
		StaffJson staff = Documents.read(json, document, StaffJson.class);
		return directory.update(staff.toStaffMember(id, current.active()));
	}

	private StaffMember current(UUID id) {
		return directory.find(id).orElseThrow(() -> new NotFound("staff member", id));
	}
}
