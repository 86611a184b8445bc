package org.tandem.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tandem.directory.Directory;
import org.tandem.directory.StaffFixtures;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRegistration;

/** Agents' phones register with sipp over loopback, with the password an administrator set. */
@SpringBootTest(properties = "tandem.ivr.enabled=false")
@ActiveProfiles("test")
@AutoConfigureMockMvc
class RegistrarE2ETests {

	private static final String ADMIN = "Basic "
			+ Base64.getEncoder().encodeToString("admin:test-admin-secret".getBytes(StandardCharsets.UTF_8));

	@Autowired
	SipServer server;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Directory directory;

	@Autowired
	StaffRegistration staff;

	@Autowired
	Registrations registrations;

	@TempDir
	Path workDir;

	StaffMember rosa = StaffFixtures.couplesTherapist();

	@BeforeEach
	void rosaWorksHere() {
		if (directory.find(rosa.id()).isEmpty()) {
			staff.add(rosa);
		}
	}

	@Test
	void registersAPhoneOnlyWithThePasswordTheAdministratorSet() throws Exception {
		assertThat(setPassword(rosa.id(), "correct-horse-battery")).hasStatus(HttpStatus.NO_CONTENT);

		Sipp wrong = register("register_wrong_password_refused.xml", "staple-battery-horse");
		assertThat(wrong.await()).as(wrong::report).isZero();
		assertThat(registrations.find(rosa.sipUser())).isEmpty();

		Sipp right = register("register_accepted.xml", "correct-horse-battery");
		assertThat(right.await()).as(right::report).isZero();
		assertThat(registrations.find(rosa.sipUser())).hasValueSatisfying(
				binding -> assertThat(binding.contact()).startsWith("sip:" + rosa.sipUser() + "@127.0.0.1:"));

		Sipp leave = register("unregister_accepted.xml", "correct-horse-battery");
		assertThat(leave.await()).as(leave::report).isZero();
		assertThat(registrations.find(rosa.sipUser())).isEmpty();
	}

	@Test
	void refusesAPasswordTooShortToResistGuessing() {
		assertThat(setPassword(rosa.id(), "1234")).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("password");
	}

	@Test
	void refusesAPasswordForSomeoneWhoDoesNotWorkHere() {
		assertThat(setPassword(UUID.randomUUID(), "correct-horse-battery")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void asksForTheAdministrator() {
		assertThat(mvc.put().uri("/api/voice/phones/{id}", rosa.id()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\":\"correct-horse-battery\"}")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	private MvcTestResult setPassword(UUID staffId, String password) {
		return mvc.put().uri("/api/voice/phones/{id}", staffId).header(HttpHeaders.AUTHORIZATION, ADMIN)
			.contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"" + password + "\"}").exchange();
	}

	private Sipp register(String scenario, String password) {
		return Sipp.start(workDir, server.port(), scenario, "127.0.0.1", "-s", rosa.sipUser(), "-au", rosa.sipUser(),
				"-ap", password);
	}
}
