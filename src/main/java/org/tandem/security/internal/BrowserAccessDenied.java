package org.tandem.security.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.stereotype.Component;
import org.tandem.security.Audit.Outcome;

/**
 * In the browser, a user who still has to enrol a second factor is sent to enrol; anyone else refused gets
 * 403 (and a missing or stale CSRF token is refused the same way), audited.
 */
@Component
class BrowserAccessDenied implements AccessDeniedHandler {

	private final AuditLog audit;
	private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

	BrowserAccessDenied(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean mustEnrol = authentication != null && authentication.getAuthorities().stream()
			.anyMatch(authority -> WebSecurityConfiguration.ENROL_TOTP.equals(authority.getAuthority()));
		if (mustEnrol && "GET".equals(request.getMethod())) {
			response.sendRedirect(request.getContextPath() + "/account/totp");
			return;
		}
		audit.record("page.access", "page", null, Outcome.DENIED, Map.of("method", request.getMethod(), "path",
				request.getRequestURI(), "reason", denied.getClass().getSimpleName()));
		forbidden.handle(request, response, denied);
	}
}
