package org.clipfile.audit;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Map;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexReadyListener;
import org.clipfile.security.AccessRefused;
import org.clipfile.security.AuditContext;
import org.clipfile.security.Callers;
import org.clipfile.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Turns API calls into audit events: every call that reached a controller (after it completed, with its status),
 * and every call the security filters refused. The action is named after the route, so that a query for
 * {@code action=search} finds all searches whatever their parameters.
 */
@Component
class AuditRecorder implements HandlerInterceptor, WebMvcConfigurer, IndexReadyListener {
    private static final String CALLER = AuditRecorder.class.getName() + ".caller";
    private static final int MAX_PARAMETERS = 4000;

    /** Method and route pattern to action name; an unlisted route is recorded as "METHOD pattern". */
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("GET /api/search", "search"),
            Map.entry("GET /api/facets/{facet}", "facets"),
            Map.entry("GET /api/export", "export"),
            Map.entry("GET /api/articles/{id}", "article.view"),
            Map.entry("POST /api/articles", "article.ingest"),
            Map.entry("GET /api/articles/{id}/related", "article.related"),
            Map.entry("GET /api/articles/{id}/annotations", "article.annotations"),
            Map.entry("GET /api/articles/{id}/copies", "article.copies"),
            Map.entry("DELETE /api/articles/{id}", "article.takedown"),
            Map.entry("PUT /api/articles/{id}/labels/{label}", "article.label"),
            Map.entry("DELETE /api/articles/{id}/labels/{label}", "article.unlabel"),
            Map.entry("DELETE /api/sources/{source}", "source.takedown"),
            Map.entry("GET /api/takedowns", "takedown.list"),
            Map.entry("DELETE /api/takedowns/{id}", "takedown.lift"),
            Map.entry("GET /api/entities", "entities"),
            Map.entry("GET /api/map", "map"),
            Map.entry("POST /api/imports", "import.start"),
            Map.entry("GET /api/imports", "import.list"),
            Map.entry("GET /api/imports/{id}", "import.view"),
            Map.entry("GET /api/imports/{id}/failures", "import.failures"),
            Map.entry("POST /api/users", "user.create"),
            Map.entry("GET /api/users", "user.list"),
            Map.entry("DELETE /api/users/{username}", "user.delete"),
            Map.entry("POST /api/keys", "key.create"),
            Map.entry("GET /api/keys", "key.list"),
            Map.entry("DELETE /api/keys/{id}", "key.delete"),
            Map.entry("GET /api/audit", "audit.read"),
            Map.entry("GET /api/audit/export", "audit.export"),
            Map.entry("POST /api/admin/reindex", "reindex.start"),
            Map.entry("GET /api/admin/reindex", "reindex.view"),
            Map.entry("GET /api/curation/edits", "curation.list"),
            Map.entry("POST /api/curation/edits", "curation.edit"),
            Map.entry("DELETE /api/curation/edits/{id}", "curation.undo"),
            Map.entry("GET /api/curation/entities/{id}", "curation.view"),
            Map.entry("POST /api/curation/reindex", "curation.reindex"),
            Map.entry("GET /api/curation/reindex", "curation.progress"),
            Map.entry("DELETE /api/session", "logout"));

    private final AuditLog audit;

    AuditRecorder(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public void indexReady(ArticleIndex index) {
        audit.storeReady();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // A streamed answer (export) completes on another dispatch: remember who asked on the first one.
        if (request.getDispatcherType() == DispatcherType.REQUEST) {
            request.setAttribute(CALLER, SecurityContextHolder.getContext().getAuthentication());
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable Exception ex) {
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String method = request.getMethod();
        String action = action(method, pattern, response.getStatus());
        if (action == null) {
            return;
        }
        // Whoever is signed in now (a login just succeeded), else whoever was when the call began (a logout, the
        // end of a streamed export).
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (!Callers.isAuthenticated(caller) && request.getAttribute(CALLER) instanceof Authentication before) {
            caller = before;
        }
        String user = Callers.name(caller);
        AuditContext context = AuditContext.find(request);
        if (action.startsWith("login") && context != null && context.user() != null) {
            user = context.user();
        }
        String target = context == null ? null : context.target();
        if (target == null && request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?,
                ?> variables && !variables.isEmpty()) {
            target = String.valueOf(variables.values().iterator().next());
        }
        audit.record(new AuditEvent(Instant.now(), user, Role.of(caller).map(Role::name).orElse(null),
                Callers.method(caller), Callers.keyId(caller), action, method, request.getRequestURI(),
                request.getParameter("q"), truncate(request.getQueryString()), target, response.getStatus(),
                context == null ? null : context.count(), request.getRemoteAddr(),
                context == null ? null : context.detail(), null));
    }

    /** Security filters refused the call before any controller: recorded as {@code access.denied}. */
    @EventListener
    void refused(AccessRefused refused) {
        audit.record(new AuditEvent(Instant.now(), refused.user(), null, refused.keyId() != null ? "api_key"
                        : refused.user().equals(Callers.ANONYMOUS) ? Callers.ANONYMOUS : "session",
                refused.keyId(), "access.denied", refused.method(), refused.path(), null,
                truncate(refused.query()), null, refused.status(), null, refused.client(), refused.reason(), null));
    }

    static @Nullable String action(String method, @Nullable String pattern, int status) {
        if (pattern == null) {
            return null;
        }
        if (pattern.equals("/api/session")) {
            return switch (method) {
                case "POST" -> status == 200 ? "login" : "login.failed";
                case "DELETE" -> "logout";
                default -> null; // the page asks who is logged in often; that is not worth a line
            };
        }
        String action = ACTIONS.get(method + " " + pattern);
        if (action != null) {
            return action;
        }
        if (pattern.startsWith("/api/entities")) {
            return method.equals("GET") ? "entity.view" : "entity.edit";
        }
        if (pattern.startsWith("/api/map")) {
            return "map";
        }
        String followed = following(method, pattern);
        if (followed != null) {
            return followed;
        }
        return method + " " + pattern;
    }

    /** Saved searches, collections and batch searches: {@code saved-search.create}, {@code collection.note}, ... */
    private static @Nullable String following(String method, String pattern) {
        String feature = pattern.startsWith("/api/saved-searches") ? "saved-search"
                : pattern.startsWith("/api/collections") ? "collection"
                : pattern.startsWith("/api/batch-searches") ? "batch-search" : null;
        if (feature == null) {
            return null;
        }
        if (pattern.endsWith("/feed")) {
            return feature + ".feed";
        }
        if (pattern.endsWith("/feed-token")) {
            return feature + (method.equals("DELETE") ? ".token-revoke" : ".token-rotate");
        }
        if (pattern.contains("/articles/")) {
            return feature + (method.equals("DELETE") ? ".article-remove" : ".article-note");
        }
        boolean item = pattern.contains("{");
        return feature + switch (method) {
            case "POST" -> ".create";
            case "PUT" -> ".update";
            case "DELETE" -> ".delete";
            default -> item ? ".view" : ".list";
        };
    }

    private static @Nullable String truncate(@Nullable String text) {
        return text == null || text.length() <= MAX_PARAMETERS ? text : text.substring(0, MAX_PARAMETERS);
    }
}
