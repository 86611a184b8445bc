package org.tandem.security.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.tandem.security.Audit.Outcome;

/**
 * Audits every read of a client record and every change to clients and staff made through the API. The
 * response is held back until its audit entry is stored, so no client data leaves without one; a change runs
 * in one transaction with its audit entry, so either both are stored or neither. Requests refused by the access
 * rules never get here: {@link ApiAccessDenied} audits those.
 */
@Component
class AuditedRequests extends OncePerRequestFilter {

	private final AuditLog audit;
	private final TransactionTemplate transactions;

	AuditedRequests(AuditLog audit, TransactionTemplate transactions) {
		this.audit = audit;
		this.transactions = transactions;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var match = AuditedRoutes.match(request);
		if (match.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		var route = match.get().route();
		var held = new ContentCachingResponseWrapper(response);
		if (route.write()) {
			try {
				transactions.executeWithoutResult(transaction -> {
					proceed(chain, request, held);
					if (succeeded(held)) {
						record(request, held, match.get());
					}
					else {
						transaction.setRollbackOnly();
					}
				});
			}
			catch (Failure failure) {
				failure.rethrow();
			}
			if (!succeeded(held)) {
				record(request, held, match.get());
			}
		}
		else {
			chain.doFilter(request, held);
			record(request, held, match.get());
		}
		held.copyBodyToResponse();
	}

	private void record(HttpServletRequest request, HttpServletResponse response, AuditedRoutes.Match match) {
		var details = new LinkedHashMap<String, String>();
		details.put("status", Integer.toString(response.getStatus()));
		String phone = request.getParameter("phone");
		if (phone != null) {
			details.put("phone", phone);
		}
		audit.record(match.route().action(), match.route().targetType(), targetId(match, response),
				succeeded(response) ? Outcome.SUCCESS : Outcome.FAILURE, Map.copyOf(details));
	}

	/** A create names its new record only in the Location of its answer. */
	private static String targetId(AuditedRoutes.Match match, HttpServletResponse response) {
		if (match.targetId() != null) {
			return match.targetId();
		}
		String location = response.getHeader(HttpHeaders.LOCATION);
		return location == null ? null : location.substring(location.lastIndexOf('/') + 1);
	}

	private static boolean succeeded(HttpServletResponse response) {
		return response.getStatus() < 400;
	}

	private static void proceed(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException e) {
			throw new Failure(e);
		}
	}

	/** Carries a checked exception of the filter chain out of the transaction callback. */
	private static final class Failure extends RuntimeException {

		Failure(Exception cause) {
			super(cause);
		}

		void rethrow() throws IOException, ServletException {
			if (getCause() instanceof IOException e) {
				throw e;
			}
			throw (ServletException) getCause();
		}
	}
}
