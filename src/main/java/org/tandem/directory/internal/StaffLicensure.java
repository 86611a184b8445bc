package org.tandem.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tandem.core.UsState;
import org.tandem.directory.Compact;
import org.tandem.directory.CompactAuthorization;
import org.tandem.directory.License;
import org.tandem.directory.LicenseStatus;
import org.tandem.directory.LicenseType;
import org.tandem.directory.StaffMember;

/**
 * Licenses and compact authorizations as rows of their own, so that the ones about to expire can be
 * found with a query; always read and written together with the staff row they belong to.
 */
@Repository
class StaffLicensure {

	private final JdbcClient jdbc;

	StaffLicensure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void replace(StaffMember member) {
		jdbc.sql("delete from staff_licenses where staff_id = :id").param("id", member.id()).update();
		jdbc.sql("delete from staff_compact_authorizations where staff_id = :id").param("id", member.id()).update();
		for (int i = 0; i < member.licenses().size(); i++) {
			insert(member.id(), i, member.licenses().get(i));
		}
		for (int i = 0; i < member.compacts().size(); i++) {
			insert(member.id(), i, member.compacts().get(i));
		}
	}

	/** The licenses of the staff rows {@code s} that match {@code condition}, by staff id. */
	Map<UUID, List<License>> licenses(String condition, Map<String, ?> params) {
		Map<UUID, List<License>> licenses = new HashMap<>();
		jdbc.sql("select l.* from staff_licenses l join staff s on s.id = l.staff_id where " + condition
				+ " order by l.staff_id, l.position")
			.params(params)
			.query(rs -> {
				licenses.computeIfAbsent(rs.getObject("staff_id", UUID.class), id -> new ArrayList<>())
					.add(license(rs));
			});
		return licenses;
	}

	/** The compact authorizations of the staff rows {@code s} that match {@code condition}, by staff id. */
	Map<UUID, List<CompactAuthorization>> compacts(String condition, Map<String, ?> params) {
		Map<UUID, List<CompactAuthorization>> compacts = new HashMap<>();
		jdbc.sql("select c.* from staff_compact_authorizations c join staff s on s.id = c.staff_id where " + condition
				+ " order by c.staff_id, c.position")
			.params(params)
			.query(rs -> {
				compacts.computeIfAbsent(rs.getObject("staff_id", UUID.class), id -> new ArrayList<>())
					.add(authorization(rs));
			});
		return compacts;
	}

	private void insert(UUID staffId, int position, License license) {
		jdbc.sql("""
				insert into staff_licenses (staff_id, position, state, type, number, status, expires_on)
				values (:staff, :position, :state, :type, :number, :status, :expiresOn)
				""")
			.param("staff", staffId)
			.param("position", position)
			.param("state", license.state().name())
			.param("type", license.type().name())
			.param("number", license.number())
			.param("status", license.status().name())
			.param("expiresOn", license.expiresOn())
			.update();
	}

	private void insert(UUID staffId, int position, CompactAuthorization authorization) {
		jdbc.sql("""
				insert into staff_compact_authorizations
				  (staff_id, position, compact, home_state, privilege_states, expires_on)
				values (:staff, :position, :compact, :homeState, :privilegeStates, :expiresOn)
				""")
			.param("staff", staffId)
			.param("position", position)
			.param("compact", authorization.compact().name())
			.param("homeState", authorization.homeState().name())
			.param("privilegeStates",
					authorization.privilegeStates().stream().map(Enum::name).sorted().toArray(String[]::new))
			.param("expiresOn", authorization.expiresOn())
			.update();
	}

	private static License license(ResultSet rs) throws SQLException {
		return new License(UsState.valueOf(rs.getString("state")), LicenseType.valueOf(rs.getString("type")),
				rs.getString("number"), LicenseStatus.valueOf(rs.getString("status")),
				rs.getObject("expires_on", LocalDate.class));
	}

	private static CompactAuthorization authorization(ResultSet rs) throws SQLException {
		var states = new ArrayList<UsState>();
		for (String state : (String[]) rs.getArray("privilege_states").getArray()) {
			states.add(UsState.valueOf(state));
		}
		return new CompactAuthorization(Compact.valueOf(rs.getString("compact")),
				UsState.valueOf(rs.getString("home_state")), Set.copyOf(states),
				rs.getObject("expires_on", LocalDate.class));
	}
}
