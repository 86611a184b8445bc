package org.tandem.clients.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tandem.clients.Couple;
import org.tandem.clients.CoupleSaved;
import org.tandem.core.Conflict;
import org.tandem.core.InvalidInput;
import org.tandem.core.NotFound;

/** Opens, changes and closes couple cases; every write announces itself with {@link CoupleSaved}. */
@Service
class CoupleRegistry {

	private final Couples couples;
	private final Clients clients;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CoupleRegistry(Couples couples, Clients clients, ApplicationEventPublisher events, Clock clock) {
		this.couples = couples;
		this.clients = clients;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Couple open(CoupleJson form) {
		return open(form.toCouple(UUID.randomUUID()));
	}

	@Transactional
	Couple open(Couple couple) {
		requireKnownPartners(couple);
		couples.insert(couple, clock.instant());
		claimPartners(couple);
		events.publishEvent(new CoupleSaved(couple.id()));
		return couple;
	}

	/** Partners may change too, to mend a case linked to the wrong person. */
	@Transactional
	Couple update(UUID id, CoupleJson form) {
		Couple stored = couples.find(id).orElseThrow(() -> new NotFound("couple case", id));
		if (!stored.isOpen()) {
			throw new Conflict("couple case " + id + " is closed; open a new case instead");
		}
		Couple couple = form.toCouple(id);
		requireKnownPartners(couple);
		couples.update(couple, clock.instant());
		couples.releasePartners(id);
		claimPartners(couple);
		events.publishEvent(new CoupleSaved(id));
		return couple;
	}

	/** Frees both partners to be seen in a new case; closing a closed case changes nothing. */
	@Transactional
	Couple close(UUID id) {
		Couple stored = couples.find(id).orElseThrow(() -> new NotFound("couple case", id));
		if (!stored.isOpen()) {
			return stored;
		}
		var closedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
		couples.close(id, closedAt);
		events.publishEvent(new CoupleSaved(id));
		return new Couple(id, stored.partnerA(), stored.partnerB(), stored.populations(), stored.issues(),
				stored.ownTherapistId(), closedAt);
	}

	private void requireKnownPartners(Couple couple) {
		InvalidInput.require(clients.exists(couple.partnerA()), "partnerA", "there is no client " + couple.partnerA());
		InvalidInput.require(clients.exists(couple.partnerB()), "partnerB", "there is no client " + couple.partnerB());
	}

	private void claimPartners(Couple couple) {
		for (UUID partner : couple.partners()) {
			if (!couples.claimPartner(couple.id(), partner)) {
				throw new Conflict("client " + partner + " is already a partner in another open couple case");
			}
		}
	}
}
