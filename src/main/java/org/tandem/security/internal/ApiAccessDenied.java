package org.tandem.security.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.tandem.security.Audit.Outcome;
import tools.jackson.databind.json.JsonMapper;

/** A request the access rules refuse gets a 403 problem, and the attempt is audited. */
@Component
class ApiAccessDenied implements AccessDeniedHandler {

	private final AuditLog audit;
	private final JsonMapper json;

	ApiAccessDenied(AuditLog audit, JsonMapper json) {
		this.audit = audit;
		this.json = json;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		var match = AuditedRoutes.match(request);
		audit.record(match.map(m -> m.route().action()).orElse("api.access"),
				match.map(m -> m.route().targetType()).orElse(null), match.map(AuditedRoutes.Match::targetId).orElse(null),
				Outcome.DENIED, Map.of("method", request.getMethod(), "path", request.getRequestURI()));
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your roles do not allow this request");
		problem.setType(URI.create("urn:tandem:problem:forbidden"));
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(json.writeValueAsString(problem));
	}
}
