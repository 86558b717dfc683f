package org.clipfile.security;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A login session lasts, but the user behind it may be deleted or get another role on any instance: each request
 * of a session looks the user up again (through the short cache), ends the session of a deleted user and applies
 * a changed role at once.
 */
final class SessionUserCheck extends OncePerRequestFilter {
    private final UserAccounts users;
    private final SecurityContextRepository contexts;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SessionUserCheck(UserAccounts users, SecurityContextRepository contexts) {
        this.users = users;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = holder.getContext().getAuthentication();
        if (current instanceof UsernamePasswordAuthenticationToken && current.isAuthenticated()) {
            Optional<UserAccounts.StoredUser> user;
            try {
                user = users.find(current.getName());
            } catch (IOException | ElasticsearchException e) {
                Problems.unavailable(request, response);
                return;
            }
            if (user.isEmpty()) {
                holder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (!Role.of(current).equals(Optional.of(user.get().role()))) {
                SecurityContext context = holder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(),
                        null, user.get().role().authorities()));
                holder.setContext(context);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
