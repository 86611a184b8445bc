package org.tandem.security.internal;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The API routes that read or change client records and staff, and what an audit entry calls them. Keyed on
 * routes here so that the clients and directory modules need not know the audit log exists.
 */
final class AuditedRoutes {

	private static final List<Route> ROUTES = List.of(
			read(HttpMethod.GET, "/api/clients/{id}", "client.read", "client"),
			read(HttpMethod.GET, "/api/clients/{id}/couple", "client.couple.read", "client"),
			read(HttpMethod.GET, "/api/clients", "client.lookup", "client"),
			read(HttpMethod.GET, "/api/couples/{id}", "couple.read", "couple"),
			write(HttpMethod.POST, "/api/clients", "client.create", "client"),
			write(HttpMethod.PUT, "/api/clients/{id}", "client.update", "client"),
			write(HttpMethod.PUT, "/api/clients/{id}/location", "client.location.confirm", "client"),
			write(HttpMethod.POST, "/api/couples", "couple.open", "couple"),
			write(HttpMethod.PUT, "/api/couples/{id}", "couple.update", "couple"),
			write(HttpMethod.POST, "/api/couples/{id}/close", "couple.close", "couple"),
			write(HttpMethod.POST, "/api/staff", "staff.create", "staff"),
			write(HttpMethod.PUT, "/api/staff/{id}", "staff.update", "staff"),
			write(HttpMethod.DELETE, "/api/staff/{id}", "staff.deactivate", "staff"),
			write(HttpMethod.PUT, "/api/voice/phones/{id}", "staff.phone-password.set", "staff"));

	private AuditedRoutes() {
	}

	static Optional<Match> match(HttpServletRequest request) {
		for (Route route : ROUTES) {
			var result = route.matcher().matcher(request);
			if (result.isMatch()) {
				return Optional.of(new Match(route, result.getVariables().get("id")));
			}
		}
		return Optional.empty();
	}

	private static Route read(HttpMethod method, String pattern, String action, String targetType) {
		return new Route(PathPatternRequestMatcher.pathPattern(method, pattern), action, targetType, false);
	}

	private static Route write(HttpMethod method, String pattern, String action, String targetType) {
		return new Route(PathPatternRequestMatcher.pathPattern(method, pattern), action, targetType, true);
	}

	record Route(PathPatternRequestMatcher matcher, String action, String targetType, boolean write) {
	}

	/** @param targetId the id in the path; null for a lookup or a create, whose target shows only in the response */
	record Match(Route route, String targetId) {
	}
}
