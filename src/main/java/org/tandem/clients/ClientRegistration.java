package org.tandem.clients;

/**
 * Adding records from inside the application (the demo practice, later an import), with the same
 * checks and events as the API. The client's id and creation time are kept as given.
 */
public interface ClientRegistration {

	Client register(Client client);

	/** Opens a couple case; a partner already in another open case is a {@link org.tandem.core.Conflict}. */
	Couple openCouple(Couple couple);
}
