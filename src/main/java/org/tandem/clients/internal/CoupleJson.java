package org.tandem.clients.internal;

import static com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.tandem.clients.Couple;
import org.tandem.core.Population;

/** A couple case as the API reads and writes it; the server alone decides its id and when it closed. */
record CoupleJson(@JsonProperty(access = READ_ONLY) UUID id, UUID partnerA, UUID partnerB,
		Set<Population> populations, Set<String> issues, UUID ownTherapistId,
		@JsonProperty(access = READ_ONLY) Instant closedAt) {

	static CoupleJson of(Couple couple) {
		return new CoupleJson(couple.id(), couple.partnerA(), couple.partnerB(), couple.populations(),
				couple.issues(), couple.ownTherapistId(), couple.closedAt());
	}

	/** An open case with what this body says. */
	Couple toCouple(UUID id) {
		return new Couple(id, partnerA, partnerB, populations, issues, ownTherapistId, null);
	}
}
