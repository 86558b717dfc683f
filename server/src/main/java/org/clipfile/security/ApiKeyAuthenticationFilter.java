package org.clipfile.security;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code Authorization: ApiKey <key>} or {@code X-Api-Key: <key>}. A request
 * with a key is judged by that key alone: a wrong key is a 401 even if a session cookie comes along, and such
 * requests are exempt from CSRF checks (a browser cannot be made to send these headers cross-site) and never
 * create a session.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);
    static final String HEADER = "X-Api-Key";
    private static final String SCHEME = "ApiKey ";

    /** Told about every request refused for a bad key (the audit listens). */
    interface RejectionListener {
        void rejected(HttpServletRequest request, String reason);
    }

    private final ApiKeys keys;
    private final RejectionListener listener;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyAuthenticationFilter(ApiKeys keys, RejectionListener listener) {
        this.keys = keys;
        this.listener = listener;
    }

    static boolean hasKey(HttpServletRequest request) {
        return key(request) != null;
    }

    static @Nullable String key(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return authorization.substring(SCHEME.length()).strip();
        }
        String header = request.getHeader(HEADER);
        return header == null ? null : header.strip();
    }

    /**
     * Which key was refused, for the audit, without recording a secret: the public prefix of a key of ours (as
     * the key list shows it) and the start of the SHA-256 of whatever was presented, which matches the key's
     * document id when it was one of ours.
     */
    static String describe(String key) {
        String hash = ApiKeys.hash(key).substring(0, 16);
        return ApiKeys.wellFormed(key) ? "(prefix " + key.substring(0, 7) + ", sha256 " + hash + "…)"
                : "(not in the form of a Clipfile key, " + key.length() + " characters, sha256 " + hash + "…)";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKeys.StoredKey> found;
        try {
            found = keys.authenticate(key);
        } catch (IOException | ElasticsearchException e) {
            log.warn("Cannot check an API key: Elasticsearch is unreachable ({})", e.toString());
            Problems.unavailable(request, response);
            return;
        }
        if (found.isEmpty()) {
            listener.rejected(request, "invalid API key " + describe(key));
            Problems.unauthenticated(request, response, "The API key is not valid (unknown or revoked)");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(found.get()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
