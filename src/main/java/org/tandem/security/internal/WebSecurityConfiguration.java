package org.tandem.security.internal;

import static org.springframework.http.HttpMethod.GET;

import java.util.Arrays;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.tandem.security.Audit.Outcome;

/**
 * Two ways in. The API ({@code /api/**}) takes HTTP Basic on every request (with a TOTP code in
 * {@code X-Tandem-Totp} from users who need a second factor) and keeps no session, so it needs no CSRF token.
 * The browser pages sign in with a form (then a TOTP code when enrolled), keep a session whose id changes at
 * sign-in and which ends after 30 idle minutes, and need a CSRF token on every form.
 *
 * <p>The rules per role on the API, in one place: ADMIN everything; SUPERVISOR reads everything and changes
 * no configuration; FRONT_DESK reads and changes client contact details (never clinical notes); THERAPIST reads
 * only their own clients. Everyone works contacts and their presence, and reads configuration. In the browser,
 * the wallboard is for supervisors and administrators, the admin pages for administrators; a wall display
 * link ({@code /wall/{token}}) shows the wallboard read-only without a session, its token checked by the wallboard.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	/** The one authority of a user who signed in with a password but must enrol a second factor first. */
	static final String ENROL_TOTP = "ENROL_TOTP";

	private static final String[] STAFF = { "ADMIN", "SUPERVISOR", "FRONT_DESK", "THERAPIST" };
	private static final String[] PUBLIC_DOCS = { "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html" };

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ClientAccess clients, ApiAccessDenied denied, ApiSignInRequired signIn)
			throws Exception {
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/api/me", "/api/me/**").hasAnyRole(STAFF)
				.requestMatchers("/api/users/**", "/api/users").hasRole("ADMIN")
				.requestMatchers(GET, "/api/audit/verify").hasRole("ADMIN")
				.requestMatchers(GET, "/api/audit", "/api/audit/**").hasAnyRole("ADMIN", "SUPERVISOR")
				// Clinical notes do not exist yet; when they do, the front desk never reads them.
				.requestMatchers("/api/clients/*/notes", "/api/clients/*/notes/**").hasAnyRole("ADMIN", "SUPERVISOR", "THERAPIST")
				.requestMatchers(GET, "/api/clients/{id}", "/api/clients/{id}/couple").access(clients.client())
				.requestMatchers(GET, "/api/couples/{id}").access(clients.couple())
				.requestMatchers(GET, "/api/clients", "/api/couples").hasAnyRole("ADMIN", "SUPERVISOR", "FRONT_DESK")
				.requestMatchers("/api/clients", "/api/clients/**", "/api/couples", "/api/couples/**").hasAnyRole("ADMIN", "FRONT_DESK")
				.requestMatchers("/api/contacts/**", "/api/contacts", "/api/agents", "/api/agents/**").hasAnyRole(STAFF)
				.requestMatchers(GET, "/api/**").hasAnyRole(STAFF)
				.anyRequest().hasRole("ADMIN"))
			.httpBasic(basic -> basic.authenticationDetailsSource(ApiSignInDetails::new).authenticationEntryPoint(signIn))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signIn).accessDeniedHandler(denied))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain browser(HttpSecurity http, SecondFactorStep secondFactor, BrowserAccessDenied denied,
			AuditLog audit) throws Exception {
		RequestMatcher docs = new OrRequestMatcher(Arrays.stream(PUBLIC_DOCS)
			.<RequestMatcher>map(PathPatternRequestMatcher::pathPattern)
			.toList());
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(PUBLIC_DOCS).permitAll()
				.requestMatchers("/login", "/login/totp", "/setup", "/css/**", "/error", "/favicon.ico").permitAll()
				// A wall display's link is its own credential, checked by the wallboard on each request.
				.requestMatchers(GET, "/wall/*", "/wall/*/events", "/js/wallboard.js").permitAll()
				.requestMatchers("/account/totp").authenticated()
				.requestMatchers("/wallboard", "/wallboard/**").hasAnyRole("ADMIN", "SUPERVISOR")
				.requestMatchers("/admin", "/admin/**").hasRole("ADMIN")
				.anyRequest().hasAnyRole(STAFF))
			.formLogin(form -> form.loginPage("/login").successHandler(secondFactor).failureUrl("/login?error"))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null) {
						audit.append(authentication.getName(), "logout", "user", null, Outcome.SUCCESS,
								request.getRemoteAddr(), Map.of());
					}
				}))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(denied))
			// Swagger UI styles itself inline; our own pages need nothing but themselves.
			.headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
					new NegatedRequestMatcher(docs), new ContentSecurityPolicyHeaderWriter(
							"default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))))
			.build();
	}

	/**
	 * Argon2id for new hashes. Hashes carry their algorithm's id, so that a stronger one can take over later and
	 * older hashes still verify until their owners next set a password.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		String argon2 = "argon2@SpringSecurity_v5_8";
		return new DelegatingPasswordEncoder(argon2, Map.of(argon2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
				"bcrypt", new BCryptPasswordEncoder(12)));
	}

	@Bean
	PasswordLogins passwordLogins(AccountDetails accounts, PasswordEncoder encoder, LoginAttempts attempts,
			ApiSecondFactor secondFactor) {
		return new PasswordLogins(accounts, encoder, attempts, secondFactor);
	}
}
