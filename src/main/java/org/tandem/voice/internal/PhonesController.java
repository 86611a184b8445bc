package org.tandem.voice.internal;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tandem.core.Conflict;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;
import org.tandem.directory.Directory;
import org.tandem.directory.StaffMember;

/** An administrator sets the password an agent's desk phone registers with. */
@RestController
class PhonesController {

	record PasswordRequest(String password) {
	}

	private final Directory directory;

	private final PhoneCredentials credentials;

	private final VoiceProperties properties;

	PhonesController(Directory directory, PhoneCredentials credentials, VoiceProperties properties) {
		this.directory = directory;
		this.credentials = credentials;
		this.properties = properties;
	}

	@PutMapping("/api/voice/phones/{staffId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void setPassword(@PathVariable UUID staffId, @RequestBody PasswordRequest request) {
		String password = request == null ? null : request.password();
		InvalidInput.require(password != null && password.length() >= 8, "password",
				"password must have at least 8 characters");
		StaffMember member = directory.find(staffId).orElseThrow(() -> new NotFound("Staff member", staffId));
		if (member.sipUser() == null) {
			throw new Conflict(member.name() + " has no sipUser; set one in the directory first");
		}
		credentials.save(new PhoneCredentials.Credential(staffId, member.sipUser(), properties.realm(),
				Digest.ha1(member.sipUser(), properties.realm(), password)));
	}
}
