package org.tandem.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.core.PhoneNumber;
import org.tandem.directory.Availability;
import org.tandem.directory.CompactAuthorization;
import org.tandem.directory.License;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffRole;
import tools.jackson.databind.json.JsonMapper;

/** Staff members in PostgreSQL: the columns people are looked up by, and the rest as one jsonb profile. */
@Repository
class StaffMembers {

	/** Our own mapper, not the web one, so that a change to the API's settings never changes stored documents. */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final StaffLicensure licensure;

	StaffMembers(JdbcClient jdbc, StaffLicensure licensure) {
		this.jdbc = jdbc;
		this.licensure = licensure;
	}

	List<StaffMember> all() {
		return load("true", Map.of());
	}

	List<StaffMember> active() {
		return load("s.active", Map.of());
	}

	Optional<StaffMember> find(UUID id) {
		return load("s.id = :id", Map.of("id", id)).stream().findFirst();
	}

	boolean exists(UUID id) {
		return jdbc.sql("select exists (select 1 from staff where id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	boolean sipUserTakenByOther(String sipUser, UUID id) {
		return jdbc.sql("select exists (select 1 from staff where sip_user = :sipUser and id <> :id)")
			.param("sipUser", sipUser)
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	void insert(StaffMember member) {
		jdbc.sql("""
				insert into staff
				  (id, name, role, email, phone, sip_user, time_zone, accepting_new_clients, active, profile)
				values
				  (:id, :name, :role, :email, :phone, :sipUser, :zone, :accepting, :active, cast(:profile as jsonb))
				""").params(columns(member)).update();
		licensure.replace(member);
	}

	/** The staff row goes first: its row lock makes two edits of one person take turns. */
	void update(StaffMember member) {
		jdbc.sql("""
				update staff set name = :name, role = :role, email = :email, phone = :phone, sip_user = :sipUser,
				  time_zone = :zone, accepting_new_clients = :accepting, active = :active,
				  profile = cast(:profile as jsonb), updated_at = now()
				where id = :id
				""").params(columns(member)).update();
		licensure.replace(member);
	}

	boolean deactivate(UUID id) {
		return jdbc.sql("update staff set active = false, updated_at = now() where id = :id")
			.param("id", id)
			.update() == 1;
	}

	private static Map<String, Object> columns(StaffMember member) {
		var columns = new HashMap<String, Object>();
		columns.put("id", member.id());
		columns.put("name", member.name());
		columns.put("role", member.role().name());
		columns.put("email", member.email());
		columns.put("phone", member.phone() == null ? null : member.phone().e164());
		columns.put("sipUser", member.sipUser());
		columns.put("zone", member.availability().zone().getId());
		columns.put("accepting", member.acceptingNewClients());
		columns.put("active", member.active());
		columns.put("profile", JSON.writeValueAsString(Profile.of(member)));
		return columns;
	}

	/** Three queries however many people there are, rather than two more per person. */
	private List<StaffMember> load(String condition, Map<String, ?> params) {
		Map<UUID, List<License>> licenses = licensure.licenses(condition, params);
		Map<UUID, List<CompactAuthorization>> compacts = licensure.compacts(condition, params);
		return jdbc.sql("select s.* from staff s where " + condition + " order by s.name, s.id")
			.params(params)
			.query((rs, row) -> {
				UUID id = rs.getObject("id", UUID.class);
				return member(rs, licenses.getOrDefault(id, List.of()), compacts.getOrDefault(id, List.of()));
			})
			.list();
	}

	private static StaffMember member(ResultSet rs, List<License> licenses, List<CompactAuthorization> compacts)
			throws SQLException {
		Profile profile = JSON.readValue(rs.getString("profile"), Profile.class);
		String phone = rs.getString("phone");
		return new StaffMember(rs.getObject("id", UUID.class), rs.getString("name"), profile.pronouns(),
				StaffRole.valueOf(rs.getString("role")), rs.getString("email"),
				phone == null ? null : new PhoneNumber(phone), rs.getString("sip_user"), licenses, compacts,
				profile.specialties(), profile.populations(), profile.modalities(), profile.spokenLanguages(),
				profile.identity(), profile.fees(), profile.formats(), rs.getBoolean("accepting_new_clients"),
				new Availability(ZoneId.of(rs.getString("time_zone")), profile.weekly(), profile.timeOff()),
				profile.capacity(), rs.getBoolean("active"));
	}
}
