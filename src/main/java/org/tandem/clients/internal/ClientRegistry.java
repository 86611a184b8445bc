package org.tandem.clients.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.clients.Client;
import org.tandem.clients.ClientRecords;
import org.tandem.clients.ClientRegistration;
import org.tandem.clients.ClientSaved;
import org.tandem.clients.Couple;
import org.tandem.clients.CurrentLocation;
import org.tandem.core.NotFound;
import org.tandem.core.PhoneNumber;
import org.tandem.core.UsState;

/** Client records in PostgreSQL; every write announces itself with {@link ClientSaved} in its transaction. */
@Service
class ClientRegistry implements ClientRecords, ClientRegistration {

	private final Clients clients;
	private final Couples couples;
	private final CoupleRegistry coupleRegistry;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ClientRegistry(Clients clients, Couples couples, CoupleRegistry coupleRegistry, ApplicationEventPublisher events,
			Clock clock) {
		this.clients = clients;
		this.couples = couples;
		this.coupleRegistry = coupleRegistry;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Couple openCouple(Couple couple) {
		return coupleRegistry.open(couple);
	}

	@Override
	public Optional<Client> find(UUID id) {
		return clients.find(id);
	}

	@Override
	public List<Client> findByPhone(PhoneNumber phone) {
		return clients.findByPhone(phone);
	}

	@Override
	public Optional<Couple> findCouple(UUID id) {
		return couples.find(id);
	}

	@Override
	public Optional<Couple> coupleOf(UUID clientId) {
		return couples.findOpenOf(clientId);
	}

	@Transactional
	Client register(ClientJson form) {
		Instant now = now();
		return register(form.toClient(UUID.randomUUID(), now, null, now));
	}

	@Override
	@Transactional
	public Client register(Client client) {
		clients.insert(client);
		events.publishEvent(new ClientSaved(client.id()));
		return client;
	}

	@Transactional
	Client update(UUID id, ClientJson form) {
		Client stored = clients.findForUpdate(id).orElseThrow(() -> new NotFound("client", id));
		Instant now = now();
		Client client = form.toClient(id, stored.createdAt(), stored.location(), now);
		clients.update(client, now);
		events.publishEvent(new ClientSaved(id));
		return client;
	}

	/** The client has just said where they are, even if it is where they were before. */
	@Transactional
	CurrentLocation confirmLocation(UUID id, UsState state) {
		var location = new CurrentLocation(state, now());
		if (!clients.updateLocation(id, location)) {
			throw new NotFound("client", id);
		}
		events.publishEvent(new ClientSaved(id));
		return location;
	}

	/** PostgreSQL keeps microseconds; what a write returns must equal what a later read finds. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
