package org.tandem.voice.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The hashed SIP passwords of agents' phones. */
@Repository
class PhoneCredentials {

	record Credential(UUID staffId, String sipUser, String realm, String ha1) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	PhoneCredentials(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A SIP user moves with its new owner's password; the previous owner's is dropped. */
	@Transactional
	void save(Credential credential) {
		jdbc.sql("delete from voice_phone_credentials where sip_user = :sipUser and staff_id <> :staffId")
			.param("sipUser", credential.sipUser())
			.param("staffId", credential.staffId())
			.update();
		jdbc.sql("""
				insert into voice_phone_credentials (staff_id, sip_user, realm, ha1, updated_at)
				values (:staffId, :sipUser, :realm, :ha1, :now)
				on conflict (staff_id) do update
				set sip_user = excluded.sip_user, realm = excluded.realm, ha1 = excluded.ha1, updated_at = excluded.updated_at
				""")
			.param("staffId", credential.staffId())
			.param("sipUser", credential.sipUser())
			.param("realm", credential.realm())
			.param("ha1", credential.ha1())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.update();
	}

	/** Whose phone to ring: the staff member's SIP user, as their password was set. */
	Optional<Credential> forStaff(UUID staffId) {
		return jdbc.sql("select staff_id, sip_user, realm, ha1 from voice_phone_credentials where staff_id = :staffId")
			.param("staffId", staffId)
			.query((rs, row) -> new Credential(rs.getObject("staff_id", UUID.class), rs.getString("sip_user"),
					rs.getString("realm"), rs.getString("ha1")))
			.optional();
	}

	Optional<Credential> forSipUser(String sipUser) {
		return jdbc.sql("select staff_id, sip_user, realm, ha1 from voice_phone_credentials where sip_user = :sipUser")
			.param("sipUser", sipUser)
			.query((rs, row) -> new Credential(rs.getObject("staff_id", UUID.class), rs.getString("sip_user"),
					rs.getString("realm"), rs.getString("ha1")))
			.optional();
	}
}
