package org.clipfile.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/** How the audit and the session endpoint name whoever is calling. */
public final class Callers {
    public static final String ANONYMOUS = "anonymous";

    private Callers() {}

    public static boolean isAuthenticated(@Nullable Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** The user name, {@code key:<name>} for an API key, or {@code anonymous}. */
    public static String name(@Nullable Authentication authentication) {
        return isAuthenticated(authentication) ? authentication.getName() : ANONYMOUS;
    }

    /** {@code session}, {@code api_key} or {@code anonymous}. */
    public static String method(@Nullable Authentication authentication) {
        if (!isAuthenticated(authentication)) {
            return ANONYMOUS;
        }
        return authentication instanceof ApiKeyAuthentication ? "api_key" : "session";
    }

    public static @Nullable String keyId(@Nullable Authentication authentication) {
        return authentication instanceof ApiKeyAuthentication key ? key.keyId() : null;
    }
}
