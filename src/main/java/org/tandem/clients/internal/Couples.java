package org.tandem.clients.internal;

import static org.tandem.clients.internal.Columns.enums;
import static org.tandem.clients.internal.Columns.instant;
import static org.tandem.clients.internal.Columns.strings;
import static org.tandem.clients.internal.Columns.textArray;
import static org.tandem.clients.internal.Columns.utc;
import static org.tandem.clients.internal.Columns.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.clients.Couple;
import org.tandem.core.Population;

/** The couples table, and who is a partner in an open case. */
@Repository
class Couples {

	private final JdbcClient jdbc;

	Couples(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Couple> find(UUID id) {
		return jdbc.sql("select * from couples where id = :id").param("id", id).query(this::couple).optional();
	}

	Optional<Couple> findOpenOf(UUID clientId) {
		return jdbc.sql("""
				select c.* from couples c join open_couple_partners p on p.couple_id = c.id
				where p.client_id = :client""")
			.param("client", clientId)
			.query(this::couple)
			.optional();
	}

	void insert(Couple couple, Instant at) {
		bind(jdbc.sql("""
				insert into couples (id, partner_a, partner_b, populations, issues, own_therapist_id, created_at, updated_at)
				values (:id, :partnerA, :partnerB, :populations, :issues, :ownTherapistId, :at, :at)"""), couple, at)
			.update();
	}

	void update(Couple couple, Instant at) {
		bind(jdbc.sql("""
				update couples set partner_a = :partnerA, partner_b = :partnerB, populations = :populations,
				    issues = :issues, own_therapist_id = :ownTherapistId, updated_at = :at
				where id = :id"""), couple, at)
			.update();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Couple couple, Instant at) {
		return statement.param("id", couple.id())
			.param("partnerA", couple.partnerA())
			.param("partnerB", couple.partnerB())
			.param("populations", textArray(couple.populations()))
			.param("issues", textArray(couple.issues()))
			.param("ownTherapistId", couple.ownTherapistId())
			.param("at", utc(at));
	}

	void close(UUID id, Instant at) {
		jdbc.sql("update couples set closed_at = :at, updated_at = :at where id = :id")
			.param("id", id)
			.param("at", utc(at))
			.update();
		releasePartners(id);
	}

	/**
	 * Makes this the client's open case. Fails (false) when another open case has them: the insert
	 * waits for a competing transaction, so of two desks linking one person at once, only one wins.
	 */
	boolean claimPartner(UUID coupleId, UUID clientId) {
		return jdbc.sql("""
				insert into open_couple_partners (client_id, couple_id) values (:client, :couple)
				on conflict (client_id) do nothing""")
			.param("client", clientId)
			.param("couple", coupleId)
			.update() == 1;
	}

	void releasePartners(UUID coupleId) {
		jdbc.sql("delete from open_couple_partners where couple_id = :couple").param("couple", coupleId).update();
	}

	private Couple couple(ResultSet rs, int row) throws SQLException {
		return new Couple(uuid(rs, "id"), uuid(rs, "partner_a"), uuid(rs, "partner_b"),
				enums(rs, "populations", Population.class), strings(rs, "issues"), uuid(rs, "own_therapist_id"),
				instant(rs, "closed_at"));
	}
}
