package org.clipfile.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * HTTP sessions hold password logins and nothing else. An API key is checked on every call; were its
 * authentication kept in a session, the session cookie would outlive the key's revocation. So a context that is
 * not a password login is never written to a session, and one read from a session is ignored.
 */
final class LoginSessionContextRepository implements SecurityContextRepository {
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    static boolean isLogin(Authentication authentication) {
        return authentication instanceof UsernamePasswordAuthenticationToken;
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder requestResponseHolder) {
        return filter(sessions.loadContext(requestResponseHolder));
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        DeferredSecurityContext stored = sessions.loadDeferredContext(request);
        return new DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                return filter(stored.get());
            }

            @Override
            public boolean isGenerated() {
                SecurityContext context = stored.get();
                return stored.isGenerated() || filter(context) != context;
            }
        };
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null || isLogin(authentication)) {
            sessions.saveContext(context, request, response);
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessions.containsContext(request);
    }

    private SecurityContext filter(SecurityContext context) {
        Authentication authentication = context.getAuthentication();
        return authentication == null || isLogin(authentication) ? context : holder.createEmptyContext();
    }
}
