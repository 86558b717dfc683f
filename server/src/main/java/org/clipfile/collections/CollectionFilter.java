package org.clipfile.collections;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.clipfile.security.Callers;
import org.clipfile.security.Role;
import org.clipfile.web.SearchQueryStrings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code collection=<id>} on the search endpoints (search, facets, export, map, entities): looks up the articles of
 * the collection, as the caller may see it, before the controller reads the search parameters, which then filter on
 * their ids. An unknown or someone else's private collection is a 404 problem.
 */
@Component
class CollectionFilter implements HandlerInterceptor, WebMvcConfigurer {
    private final CollectionService collections;

    CollectionFilter(CollectionService collections) {
        this.collections = collections;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/search", "/api/facets/*", "/api/export", "/api/map",
                "/api/map/**", "/api/entities/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String collection = request.getParameter("collection");
        if (collection == null || collection.isBlank() || request.getAttribute(SearchQueryStrings.COLLECTION_IDS)
                != null) {
            return true;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = caller != null && Role.of(caller).orElse(null) == Role.admin;
        request.setAttribute(SearchQueryStrings.COLLECTION_IDS,
                collections.articleIds(collection.strip(), Callers.name(caller), admin));
        return true;
    }
}
