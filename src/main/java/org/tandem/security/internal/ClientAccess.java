package org.tandem.security.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.tandem.clients.Client;
import org.tandem.clients.ClientRecords;
import org.tandem.clients.Couple;

/**
 * Who may read a client record: administrators, supervisors and the front desk read every one; a therapist
 * reads only the clients whose own therapist they are (and a couple case when one partner is theirs).
 */
@Component
class ClientAccess {

	private static final Set<String> READ_ALL = Set.of("ROLE_ADMIN", "ROLE_SUPERVISOR", "ROLE_FRONT_DESK");

	private final ClientRecords records;

	ClientAccess(ClientRecords records) {
		this.records = records;
	}

	AuthorizationManager<RequestAuthorizationContext> client() {
		return new Rule((therapist, id) -> records.find(id).map(Client::ownTherapistId).filter(therapist::equals)
			.isPresent());
	}

	AuthorizationManager<RequestAuthorizationContext> couple() {
		return new Rule((therapist, id) -> records.findCouple(id).filter(couple -> ownsEither(therapist, couple))
			.isPresent());
	}

	private boolean ownsEither(UUID therapist, Couple couple) {
		return owns(therapist, couple.partnerA()) || owns(therapist, couple.partnerB());
	}

	private boolean owns(UUID therapist, UUID clientId) {
		return records.find(clientId).map(Client::ownTherapistId).filter(therapist::equals).isPresent();
	}

	private interface Ownership {

		boolean owns(UUID therapistStaffId, UUID recordId);
	}

	private record Rule(Ownership ownership) implements AuthorizationManager<RequestAuthorizationContext> {

		@Override
		public AuthorizationResult authorize(Supplier<? extends Authentication> supplier,
				RequestAuthorizationContext context) {
			Authentication authentication = supplier.get();
			if (authentication == null || !authentication.isAuthenticated()) {
				return new AuthorizationDecision(false);
			}
			var authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
			if (authorities.stream().anyMatch(READ_ALL::contains)) {
				return new AuthorizationDecision(true);
			}
			boolean therapist = authorities.contains("ROLE_THERAPIST");
			Optional<UUID> staffId = authentication.getPrincipal() instanceof SignedInUser user
					? Optional.ofNullable(user.staffId()) : Optional.empty();
			Optional<UUID> id = uuid(context.getVariables().get("id"));
			return new AuthorizationDecision(therapist && staffId.isPresent() && id.isPresent()
					&& ownership.owns(staffId.get(), id.get()));
		}

		private static Optional<UUID> uuid(String text) {
			try {
				return Optional.ofNullable(text).map(UUID::fromString);
			}
			catch (IllegalArgumentException e) {
				return Optional.empty();
			}
		}
	}
}
