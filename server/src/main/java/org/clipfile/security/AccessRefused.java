package org.clipfile.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * Published when the security filters refuse a request before any controller sees it (no or a wrong credential,
 * a role that does not allow the call, a missing CSRF token), so that the audit can record it.
 */
public record AccessRefused(
        String user, @Nullable String keyId, String method, String path, @Nullable String query, String client,
        int status, String reason) {

    static AccessRefused of(HttpServletRequest request, @Nullable Authentication authentication, int status,
            String reason) {
        String user = Callers.name(authentication);
        String keyId = authentication instanceof ApiKeyAuthentication key ? key.keyId() : null;
        return new AccessRefused(user, keyId, request.getMethod(), request.getRequestURI(), request.getQueryString(),
                request.getRemoteAddr(), status, reason);
    }
}
