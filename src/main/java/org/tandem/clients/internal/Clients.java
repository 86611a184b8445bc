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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.clients.Client;
import org.tandem.clients.ContactPoint;
import org.tandem.clients.CurrentLocation;
import org.tandem.clients.Preferences;
import org.tandem.core.Format;
import org.tandem.core.Language;
import org.tandem.core.PhoneNumber;
import org.tandem.core.Population;
import org.tandem.core.UsState;

/** The clients table and its phone numbers. */
@Repository
class Clients {

	private final JdbcClient jdbc;

	Clients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Client> find(UUID id) {
		return find(id, "");
	}

	/** Holds the row until the transaction ends, so that a concurrent write cannot be lost in between. */
	Optional<Client> findForUpdate(UUID id) {
		return find(id, " for update");
	}

	private Optional<Client> find(UUID id, String lock) {
		var client = jdbc.sql("select * from clients where id = :id" + lock).param("id", id).query(this::client).optional();
		return client.map(this::withPhones);
	}

	/** Most recently updated first, since that is most likely who is calling. */
	List<Client> findByPhone(PhoneNumber phone) {
		return jdbc.sql("""
				select c.id from clients c join client_phones p on p.client_id = c.id
				where p.phone = :phone
				order by c.updated_at desc, c.id""")
			.param("phone", phone.e164())
			.query(UUID.class)
			.list()
			.stream()
			.flatMap(id -> find(id).stream())
			.toList();
	}

	boolean exists(UUID id) {
		return jdbc.sql("select exists (select 1 from clients where id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	void insert(Client client) {
		jdbc.sql("""
				insert into clients (id, name, pronouns, email, language, location_state, location_confirmed_at,
				    populations, issues, preferred_identity, preferred_modalities, preferred_formats, budget_max,
				    own_therapist_id, created_at, updated_at)
				values (:id, :name, :pronouns, :email, :language, :locationState, :locationConfirmedAt,
				    :populations, :issues, :preferredIdentity, :preferredModalities, :preferredFormats, :budgetMax,
				    :ownTherapistId, :createdAt, :createdAt)""")
			.params(columns(client))
			.update();
		insertPhones(client);
	}

	void update(Client client, Instant at) {
		var columns = columns(client);
		columns.put("updatedAt", utc(at));
		jdbc.sql("""
				update clients set name = :name, pronouns = :pronouns, email = :email, language = :language,
				    location_state = :locationState, location_confirmed_at = :locationConfirmedAt,
				    populations = :populations, issues = :issues, preferred_identity = :preferredIdentity,
				    preferred_modalities = :preferredModalities, preferred_formats = :preferredFormats,
				    budget_max = :budgetMax, own_therapist_id = :ownTherapistId, updated_at = :updatedAt
				where id = :id""")
			.params(columns)
			.update();
		jdbc.sql("delete from client_phones where client_id = :id").param("id", client.id()).update();
		insertPhones(client);
	}

	/** @return false when there is no such client */
	boolean updateLocation(UUID id, CurrentLocation location) {
		return jdbc.sql("""
				update clients set location_state = :state, location_confirmed_at = :confirmedAt, updated_at = :confirmedAt
				where id = :id""")
			.param("id", id)
			.param("state", location.state().name())
			.param("confirmedAt", utc(location.confirmedAt()))
			.update() == 1;
	}

	private static Map<String, Object> columns(Client client) {
		var columns = new HashMap<String, Object>();
		columns.put("id", client.id());
		columns.put("name", client.name());
		columns.put("pronouns", client.pronouns());
		columns.put("email", client.email());
		columns.put("language", client.language() == null ? null : client.language().code());
		columns.put("locationState", client.location() == null ? null : client.location().state().name());
		columns.put("locationConfirmedAt", client.location() == null ? null : utc(client.location().confirmedAt()));
		columns.put("populations", textArray(client.populations()));
		columns.put("issues", textArray(client.issues()));
		columns.put("preferredIdentity", textArray(client.preferences().therapistIdentity()));
		columns.put("preferredModalities", textArray(client.preferences().modalities()));
		columns.put("preferredFormats", textArray(client.preferences().formats()));
		columns.put("budgetMax", client.preferences().budgetMax());
		columns.put("ownTherapistId", client.ownTherapistId());
		columns.put("createdAt", utc(client.createdAt()));
		return columns;
	}

	private void insertPhones(Client client) {
		for (int i = 0; i < client.phones().size(); i++) {
			ContactPoint point = client.phones().get(i);
			jdbc.sql("""
					insert into client_phones (client_id, position, phone, label, ok_to_call, ok_to_text,
					    ok_to_leave_detailed_voicemail)
					values (:client, :position, :phone, :label, :okToCall, :okToText, :okToLeaveDetailedVoicemail)""")
				.param("client", client.id())
				.param("position", i)
				.param("phone", point.phone().e164())
				.param("label", point.label())
				.param("okToCall", point.okToCall())
				.param("okToText", point.okToText())
				.param("okToLeaveDetailedVoicemail", point.okToLeaveDetailedVoicemail())
				.update();
		}
	}

	private Client withPhones(Client client) {
		var phones = jdbc.sql("select * from client_phones where client_id = :id order by position")
			.param("id", client.id())
			.query((rs, n) -> new ContactPoint(new PhoneNumber(rs.getString("phone")), rs.getString("label"),
					rs.getBoolean("ok_to_call"), rs.getBoolean("ok_to_text"),
					rs.getBoolean("ok_to_leave_detailed_voicemail")))
			.list();
		return new Client(client.id(), client.name(), client.pronouns(), phones, client.email(), client.language(),
				client.location(), client.populations(), client.issues(), client.preferences(),
				client.ownTherapistId(), client.createdAt());
	}

	private Client client(ResultSet rs, int row) throws SQLException {
		String language = rs.getString("language");
		String state = rs.getString("location_state");
		var preferences = new Preferences(strings(rs, "preferred_identity"), strings(rs, "preferred_modalities"),
				rs.getObject("budget_max", Integer.class), enums(rs, "preferred_formats", Format.class));
		return new Client(uuid(rs, "id"), rs.getString("name"), rs.getString("pronouns"), List.of(),
				rs.getString("email"), language == null ? null : new Language(language),
				state == null ? null : new CurrentLocation(UsState.valueOf(state), instant(rs, "location_confirmed_at")),
				enums(rs, "populations", Population.class), strings(rs, "issues"), preferences,
				uuid(rs, "own_therapist_id"), instant(rs, "created_at"));
	}
}
