package org.clipfile.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web page's login: {@code POST /api/session} with {@code {"username", "password"}} answers
 * {@code {"username", "role"}} and a session cookie; {@code GET} tells who is logged in (401 if nobody),
 * {@code DELETE} logs out. Logging in and out both change the session id and the CSRF token.
 */
@RestController
@RequestMapping("/api/session")
class SessionController {
    private static final Logger log = LoggerFactory.getLogger(SessionController.class);

    record Login(@NotBlank(message = "username is required") @Size(max = 200) String username,
            @NotBlank(message = "password is required") @Size(max = 1000) String password) {}

    record Caller(String username, String role) {}

    private final AuthenticationManager authentication;
    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrf;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final ChangeSessionIdAuthenticationStrategy fixation = new ChangeSessionIdAuthenticationStrategy();
    private final LoginThrottle throttle;

    SessionController(AuthenticationManager authentication, SecurityContextRepository contexts,
            CsrfTokenRepository csrf, LoginThrottle throttle) {
        this.authentication = authentication;
        this.throttle = throttle;
        this.contexts = contexts;
        this.csrf = csrf;
    }

    @PostMapping
    ResponseEntity<?> login(@Valid @RequestBody Login login, HttpServletRequest request,
            HttpServletResponse response, AuditContext audit) {
        if (UserAccounts.passwordTooLong(login.password())) {
            // No stored password is that long: refused before bcrypt, which would throw.
            return ResponseEntity.badRequest().body(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request",
                    "Invalid request", "password is longer than " + UserAccounts.MAX_PASSWORD_BYTES
                            + " bytes in UTF-8, which no password here can be"));
        }
        String username = UserAccounts.normalize(login.username());
        String address = request.getRemoteAddr();
        var wait = throttle.waitBefore(username, address);
        if (wait.isPresent()) {
            audit.user(username);
            audit.detail("throttled");
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .body(Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-logins", "Too many logins",
                            "Too many wrong logins for this user or from this address; try again in " + seconds
                                    + " s"));
        }
        Authentication result;
        try {
            result = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    username, login.password()));
        } catch (InternalAuthenticationServiceException e) {
            log.warn("Login impossible: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "backend-unavailable",
                            "Archive unavailable", "Elasticsearch is unreachable; try again shortly"));
        } catch (AuthenticationException e) {
            throttle.failed(username, address);
            audit.user(username);
            return unauthenticated("Wrong user name or password");
        }
        throttle.succeeded(username, address);
        fixation.onAuthentication(result, request, response);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(result);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        rotateCsrfToken(request, response);
        return ResponseEntity.ok(caller(result));
    }

    @GetMapping
    ResponseEntity<?> current(@Nullable Authentication current) {
        if (!Callers.isAuthenticated(current)) {
            return unauthenticated("Not logged in");
        }
        return ResponseEntity.ok(caller(current));
    }

    @DeleteMapping
    ResponseEntity<Void> logout(@Nullable Authentication current, HttpServletRequest request,
            HttpServletResponse response) {
        new SecurityContextLogoutHandler().logout(request, response, current);
        contexts.saveContext(holder.createEmptyContext(), request, response);
        rotateCsrfToken(request, response);
        return ResponseEntity.noContent().build();
    }

    /** A new token after each login and logout, so a token seen before cannot be replayed in the new session. */
    private void rotateCsrfToken(HttpServletRequest request, HttpServletResponse response) {
        csrf.saveToken(null, request, response);
        csrf.loadDeferredToken(request, response).get();
    }

    private static Caller caller(Authentication authentication) {
        return new Caller(authentication.getName(), Role.of(authentication).map(Role::name).orElse("none"));
    }

    private static ResponseEntity<?> unauthenticated(String detail) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, Problems.REALM)
                .body(Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                        detail));
    }
}
