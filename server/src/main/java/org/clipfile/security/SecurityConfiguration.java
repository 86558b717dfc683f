package org.clipfile.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * One filter chain for the API and the web page: API keys or a login session, CSRF tokens for cookie sessions
 * (cookie {@code XSRF-TOKEN}, readable by the page's script, sent back in {@code X-XSRF-TOKEN}), the rules of
 * {@link AccessRules}, 401/403 as problems, and the security headers on every response.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {
    /** No inline script or style anywhere: the page's code comes from its own files. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

    /**
     * A change needs the CSRF token when it could ride on a browser's session: the request comes with a session
     * cookie, or it is the login itself (login CSRF). A call with no session and no key has no ambient credential
     * to abuse, so it simply gets its 401; API key calls are exempt altogether.
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        String method = request.getMethod();
        boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                || method.equals("TRACE");
        return !safe && (request.getRequestedSessionId() != null || request.getRequestURI().equals("/api/session"));
    }

    /** bcrypt behind a {@code {bcrypt}} prefix, so that a stronger scheme can be added later without a reset. */
    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        return new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(properties.bcryptStrength())));
    }

    /**
     * A URL the firewall refuses (an encoded slash, a line break, a semicolon in the path...) gets a 400 problem
     * like any other bad request, instead of the container's error page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, exception) -> Problems.write(request, response, HttpStatus.BAD_REQUEST,
                "invalid-request", "Invalid request", "The request URL holds characters the server refuses "
                        + "(encoded slashes or percent signs, line breaks, semicolons, ...)");
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Lax"));
        return repository;
    }

    /** Sessions hold password logins only: an API key's authentication lives for its request. */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new LoginSessionContextRepository());
    }

    /** Ahead of every other filter, security included: form and multipart bodies only where one is expected. */
    @Bean
    FilterRegistrationBean<RequestBodyGate> requestBodyGate() {
        FilterRegistrationBean<RequestBodyGate> registration = new FilterRegistrationBean<>(new RequestBodyGate());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    AuthenticationManager authenticationManager(UserAccounts users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, ApiKeys keys, UserAccounts users, CsrfTokenRepository csrf,
            SecurityContextRepository contexts, ApplicationEventPublisher events) throws Exception {
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        ApiKeyAuthenticationFilter apiKeys = new ApiKeyAuthenticationFilter(keys, (request, reason) ->
                events.publishEvent(AccessRefused.of(request, null, 401, reason)));
        http
                .authorizeHttpRequests(AccessRules::apply)
                .addFilterBefore(apiKeys, CsrfFilter.class)
                .addFilterBefore(new SessionUserCheck(users, contexts), AnonymousAuthenticationFilter.class)
                .csrf(c -> c.csrfTokenRepository(csrf)
                        .csrfTokenRequestHandler(new HeaderOnlyCsrfTokenHandler())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken)
                        .ignoringRequestMatchers(ApiKeyAuthenticationFilter::hasKey))
                .securityContext(s -> s.securityContextRepository(contexts))
                // No session policy: setting one switches on the session management filter, which would store
                // every authentication (an API key's too) in a new session. Logins save theirs explicitly.
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, exception) -> {
                            events.publishEvent(AccessRefused.of(request, null, 401, "not authenticated"));
                            Problems.unauthenticated(request, response, "This call needs an API key (header "
                                    + "'Authorization: ApiKey <key>' or 'X-Api-Key') or a login session "
                                    + "(POST /api/session)");
                        })
                        .accessDeniedHandler((request, response, exception) -> {
                            var authentication = strategy.getContext().getAuthentication();
                            boolean csrfFailure = exception instanceof CsrfException;
                            String detail = csrfFailure
                                    ? "Missing or wrong CSRF token: send the value of the XSRF-TOKEN cookie in the "
                                            + "X-XSRF-TOKEN header"
                                    : "Your role (" + Role.of(authentication).map(Role::name).orElse("none")
                                            + ") does not allow " + request.getMethod() + " " + request.getRequestURI();
                            events.publishEvent(AccessRefused.of(request, authentication, 403,
                                    csrfFailure ? "csrf" : "role"));
                            Problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                    detail);
                        }))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
