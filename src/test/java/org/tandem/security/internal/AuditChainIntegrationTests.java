package org.tandem.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.security.internal.SecurityFixtures.ADMIN;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tandem.security.Audit;
import org.tandem.security.Audit.Outcome;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuditChainIntegrationTests {

	@Autowired
	Audit audit;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	SecurityFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new SecurityFixtures(mvc, json);
	}

	@Test
	void aChainOfEntriesVerifies() {
		audit.record("test.entry", "thing", "1", Outcome.SUCCESS, Map.of("note", "first", "ünïcode", "\"quoted\""));
		audit.record("test.entry", "thing", "2", Outcome.FAILURE);

		assertThat(log.verify()).extracting(AuditLog.ChainVerification::problem).isNull();
		assertThat(fixtures.get("/api/audit/verify", ADMIN)).hasStatusOk().bodyJson().extractingPath("$.intact")
			.isEqualTo(true);
	}

	@Test
	void refusesToChangeOrRemoveAnEntry() {
		audit.record("test.entry", "thing", "immutable", Outcome.SUCCESS);
		long seq = lastSeq();

		assertThatThrownBy(() -> jdbc.sql("update audit_events set actor = 'mallory' where seq = :seq").param("seq", seq)
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_events where seq = :seq").param("seq", seq).update())
			.isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("truncate audit_events").update()).isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
	}

	/**
	 * Someone with the database owner's rights switches the trigger off and edits a row: the chain names that row.
	 * The row is put back afterwards, since other tests share this database.
	 */
	@Test
	void namesTheFirstRowThatWasTamperedWith() {
		audit.record("test.entry", "thing", "tampered", Outcome.DENIED, Map.of("by", "thea"));
		long seq = lastSeq();
		audit.record("test.entry", "thing", "after", Outcome.SUCCESS);
		assertThat(log.verify()).extracting(AuditLog.ChainVerification::problem).isNull();
		try {
			tamper("update audit_events set outcome = 'SUCCESS' where seq = " + seq);

			var verification = log.verify();

			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenSeq()).isEqualTo(seq);
			assertThat(fixtures.get("/api/audit/verify", ADMIN)).hasStatusOk().bodyJson().extractingPath("$.firstBrokenSeq")
				.isEqualTo((int) seq);
		}
		finally {
			tamper("update audit_events set outcome = 'DENIED' where seq = " + seq);
		}
		assertThat(log.verify()).extracting(AuditLog.ChainVerification::problem).isNull();
	}

	@Test
	void concurrentWritersKeepOneLinearChain() throws Exception {
		long before = jdbc.sql("select count(*) from audit_events").query(Long.class).single();
		var pool = Executors.newFixedThreadPool(6);
		try {
			var tasks = new ArrayList<Callable<Void>>();
			for (int t = 0; t < 6; t++) {
				int thread = t;
				tasks.add(() -> {
					for (int i = 0; i < 10; i++) {
						audit.record("test.concurrent", "thread", Integer.toString(thread), Outcome.SUCCESS);
					}
					return null;
				});
			}
			for (Future<Void> done : pool.invokeAll(tasks)) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(jdbc.sql("select count(*) from audit_events").query(Long.class).single()).isEqualTo(before + 60);
		assertThat(log.verify()).extracting(AuditLog.ChainVerification::problem).isNull();
	}

	@Test
	void findsEntriesByFilterNewestFirst() {
		String target = "filtered-" + System.nanoTime();
		audit.record("test.filter", "thing", target, Outcome.SUCCESS);
		audit.record("test.filter", "thing", target, Outcome.DENIED);

		assertThat(fixtures.get("/api/audit?targetId=" + target, ADMIN)).hasStatusOk().bodyJson()
			.extractingPath("$[*].outcome").asArray().containsExactly("DENIED", "SUCCESS");
		assertThat(fixtures.get("/api/audit?targetId=" + target + "&outcome=SUCCESS", ADMIN)).hasStatusOk().bodyJson()
			.extractingPath("$[*].outcome").asArray().containsExactly("SUCCESS");
		assertThat(fixtures.get("/api/audit?targetId=" + target + "&size=1&page=1", ADMIN)).hasStatusOk().bodyJson()
			.extractingPath("$[*].outcome").asArray().containsExactly("SUCCESS");
		assertThat(fixtures.get("/api/audit?size=0", ADMIN)).hasStatus(org.springframework.http.HttpStatus.BAD_REQUEST);
	}

	private long lastSeq() {
		return jdbc.sql("select max(seq) from audit_events").query(Long.class).single();
	}

	private void tamper(String update) {
		AuditTampering.tamper(jdbc, update);
	}
}
