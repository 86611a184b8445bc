package org.tandem.directory.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.core.Conflict;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;
import org.tandem.directory.CompactTable;
import org.tandem.directory.CompactTableChanged;
import org.tandem.directory.Directory;
import org.tandem.directory.StaffRegistration;
import org.tandem.directory.StaffMember;
import org.tandem.directory.StaffMemberSaved;

/**
 * The directory backed by PostgreSQL. Every change is checked before anything is written, and its event
 * is published in the transaction of the write, so a listener never hears of a change that rolled back.
 */
@Service
class DirectoryManagement implements Directory, StaffRegistration {

	private final StaffMembers staffMembers;
	private final CompactOperations compactOperations;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	DirectoryManagement(StaffMembers staffMembers, CompactOperations compactOperations,
			ApplicationEventPublisher events, Clock clock) {
		this.staffMembers = staffMembers;
		this.compactOperations = compactOperations;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A person is read in three statements (staff, licenses, compacts); one snapshot keeps an edit that
	 * commits in between from mixing old licenses with a new profile.
	 */
	@Override
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public List<StaffMember> staff() {
		return staffMembers.active();
	}

	@Override
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Optional<StaffMember> find(UUID id) {
		return staffMembers.find(id);
	}

	@Override
	public CompactTable compactTable() {
		return compactOperations.table();
	}

	/** Everyone, deactivated people included, for the administrator's list. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public List<StaffMember> everyone() {
		return staffMembers.all();
	}

	@Override
	@Transactional
	public StaffMember add(StaffMember member) {
		if (staffMembers.exists(member.id())) {
			throw new Conflict("staff member " + member.id() + " already exists");
		}
		check(member);
		write(() -> staffMembers.insert(member), member);
		events.publishEvent(new StaffMemberSaved(member.id()));
		return member;
	}

	@Transactional
	public StaffMember update(StaffMember member) {
		if (!staffMembers.exists(member.id())) {
			throw new NotFound("staff member", member.id());
		}
		check(member);
		write(() -> staffMembers.update(member), member);
		events.publishEvent(new StaffMemberSaved(member.id()));
		return member;
	}

	/** Rows stay, because contacts, appointments and clients' continuity still point at the person. */
	@Override
	@Transactional
	public void deactivate(UUID id) {
		if (!staffMembers.deactivate(id)) {
			throw new NotFound("staff member", id);
		}
		events.publishEvent(new StaffMemberSaved(id));
	}

	@Transactional
	public CompactTable replaceCompactTable(CompactTable table) {
		CompactTableRules.check(table);
		compactOperations.replace(table);
		events.publishEvent(new CompactTableChanged());
		return compactOperations.table();
	}

	private void check(StaffMember member) {
		StaffRules.check(member, LocalDate.now(clock));
		if (member.sipUser() != null && staffMembers.sipUserTakenByOther(member.sipUser(), member.id())) {
			throw sipUserTaken(member);
		}
	}

	/** Two people saved at once with one SIP user both pass the check; the unique index stops the second. */
	private static void write(Runnable write, StaffMember member) {
		try {
			write.run();
		}
		catch (DuplicateKeyException e) {
			throw sipUserTaken(member);
		}
	}

	private static InvalidInput sipUserTaken(StaffMember member) {
		return new InvalidInput("sipUser", "'" + member.sipUser() + "' is already another staff member's SIP user");
	}
}
