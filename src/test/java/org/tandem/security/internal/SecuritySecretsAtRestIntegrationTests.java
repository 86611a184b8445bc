package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.security.internal.Browser.redirect;
import static org.tandem.security.internal.SecurityFixtures.basic;
import static org.tandem.security.internal.SecurityFixtures.uniqueName;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tandem.platform.DatabaseProperties;
import org.tandem.security.SecurityProperties;
import org.tandem.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/** TOTP secrets are stored encrypted, read again after a restart, and those from before are encrypted at start. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(SecurityClock.class)
class SecuritySecretsAtRestIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	Users users;

	@Autowired
	TotpSecretsAtRest atRest;

	@Autowired
	SecurityProperties security;

	@Autowired
	DatabaseProperties database;

	SecurityFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new SecurityFixtures(mvc, json);
	}

	@Test
	void storesTheSecretEncryptedAndSignsInWithIt() {
		String name = uniqueName("tess");
		UUID id = fixtures.createUser(name, "tess-password-1", "FRONT_DESK", null);
		String auth = basic(name, "tess-password-1");
		Authenticator phone = fixtures.enrol(auth, clock);
		String secret = Base32.encode(phone.key());

		String stored = storedSecret(id);
		assertThat(stored).startsWith("v1:").doesNotContain(secret).doesNotContain(secret.toLowerCase());
		clock.advance(Duration.ofSeconds(30));
		assertThat(fixtures.get("/api/me", auth, phone.code())).hasStatusOk();
		clock.advance(Duration.ofSeconds(30));
		var browser = new Browser(mvc);
		assertThat(redirect(browser.signIn(name, "tess-password-1"))).isEqualTo("/login/totp");
		assertThat(redirect(browser.submit("/login/totp", "/login/totp", Map.of("code", phone.code())))).isEqualTo("/");
	}

	@Test
	void aRestartWithTheSameKeyReadsTheStoredSecret() {
		String name = uniqueName("tess");
		UUID id = fixtures.createUser(name, "tess-password-1", "FRONT_DESK", null);
		Authenticator phone = fixtures.enrol(basic(name, "tess-password-1"), clock);

		var afterRestart = new TotpSecrets(new FieldEncryption(security, database));

		assertThat(afterRestart.base32(users.find(id).orElseThrow())).isEqualTo(Base32.encode(phone.key()));
	}

	@Test
	void encryptsASecretStoredInPlainTextBeforeOnceAtStart() {
		String name = uniqueName("paul");
		UUID id = fixtures.createUser(name, "paul-password-1", "FRONT_DESK", null);
		byte[] key = new byte[20];
		new SecureRandom().nextBytes(key);
		String plain = Base32.encode(key);
		jdbc.sql("update users set totp_secret = :plain, totp_confirmed = true where id = :id")
			.param("plain", plain).param("id", id).update();

		assertThat(atRest.encryptPlainSecrets()).isGreaterThanOrEqualTo(1);
		String encrypted = storedSecret(id);
		assertThat(atRest.encryptPlainSecrets()).isZero();

		assertThat(encrypted).startsWith("v1:").doesNotContain(plain);
		assertThat(storedSecret(id)).as("encrypted once").isEqualTo(encrypted);
		assertThat(jdbc.sql("select count(*) from audit_events where action = 'user.totp.encrypt' and target_id = :id")
			.param("id", id.toString()).query(Integer.class).single()).isOne();
		clock.advance(Duration.ofSeconds(30));
		assertThat(fixtures.get("/api/me", basic(name, "paul-password-1"), new Authenticator(key, clock).code()))
			.hasStatusOk();
	}

	@Test
	void aSecretThatDoesNotDecryptRefusesTheSignInAndLogsWhy(CapturedOutput output) {
		String name = uniqueName("kim");
		UUID id = fixtures.createUser(name, "kim-password-12", "FRONT_DESK", null);
		String auth = basic(name, "kim-password-12");
		Authenticator phone = fixtures.enrol(auth, clock);
		byte[] otherKey = new byte[32];
		new SecureRandom().nextBytes(otherKey);
		String underAnotherKey = new TotpSecrets(new FieldEncryption(otherKey)).encrypt(id, Base32.encode(phone.key()));
		jdbc.sql("update users set totp_secret = :value where id = :id").param("value", underAnotherKey).param("id", id)
			.update();
		clock.advance(Duration.ofSeconds(30));

		var api = fixtures.get("/api/me", auth, phone.code());
		var browser = new Browser(mvc);
		browser.signIn(name, "kim-password-12");
		var page = browser.submit("/login/totp", "/login/totp", Map.of("code", phone.code()));

		assertThat(api).hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.detail").asString()
			.contains("authenticator cannot be checked");
		assertThat(redirect(page)).isEqualTo("/login?error");
		assertThat(output.getAll()).contains("The TOTP secret of user '" + name + "' cannot be read")
			.contains("does not decrypt with the configured key");
		assertThat(jdbc.sql("""
				select count(*) from audit_events where actor = :name and action = 'login.failure'
				and details ->> 'reason' = 'totp-secret-unreadable'""").param("name", name).query(Integer.class).single())
			.isEqualTo(2);
	}

	private String storedSecret(UUID id) {
		return jdbc.sql("select totp_secret from users where id = :id").param("id", id).query(String.class).single();
	}
}
