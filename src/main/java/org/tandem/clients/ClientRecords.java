package org.tandem.clients;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.tandem.core.PhoneNumber;

/** What other modules may ask of client records. */
public interface ClientRecords {

	Optional<Client> find(UUID id);

	/**
	 * The clients one of whose contact points is this number (caller ID lookup), most recently updated
	 * first; partners sharing a home phone both come back.
	 */
	List<Client> findByPhone(PhoneNumber phone);

	Optional<Couple> findCouple(UUID id);

	/** The open couple case this client is a partner in, if any; a closed case no longer speaks for them. */
	Optional<Couple> coupleOf(UUID clientId);
}
