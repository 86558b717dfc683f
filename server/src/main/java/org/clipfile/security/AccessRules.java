package org.clipfile.security;

import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call what. Everything not listed here is denied to everyone. Roles include the ones below them (an
 * admin is also an editor and a reader), see {@link Role#authorities()}.
 */
final class AccessRules {
    private AccessRules() {}

    /** The web page's files and the API description: public, the page asks for a login itself. */
    static final String[] STATIC = {"/", "/index.html", "/favicon.ico", "/app/**", "/assets/**", "/css/**", "/js/**",
            "/img/**", "/fonts/**", "/*.js", "/*.css", "/*.svg", "/*.png", "/*.ico", "/*.webmanifest", "/*.map",
            "/*.txt", "/openapi.json", "/map/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**"};

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        // An error page or the second half of a streamed answer belongs to a request already authorized.
        rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
        rules.requestMatchers(HttpMethod.GET, STATIC).permitAll();
        rules.requestMatchers(HttpMethod.HEAD, STATIC).permitAll();
        rules.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll();
        rules.requestMatchers("/api/session").permitAll();

        String reader = Role.reader.name();
        String editor = Role.editor.name();
        String admin = Role.admin.name();
        rules.requestMatchers(HttpMethod.GET, "/api/search", "/api/facets/*", "/api/export", "/api/articles/*",
                "/api/articles/*/related", "/api/articles/*/annotations", "/api/articles/*/copies",
                "/api/articles/*/versions", "/api/entities/**", "/api/map",
                "/api/map/**").hasRole(reader);
        // The version and build time, shown in the web page's footer to anyone logged in.
        rules.requestMatchers(HttpMethod.GET, "/actuator/info").hasRole(reader);

        rules.requestMatchers(HttpMethod.POST, "/api/articles", "/api/imports").hasRole(editor);
        rules.requestMatchers(HttpMethod.GET, "/api/imports/**").hasRole(editor);
        rules.requestMatchers(HttpMethod.POST, "/api/entities/**").hasRole(editor);
        rules.requestMatchers(HttpMethod.PUT, "/api/entities/**").hasRole(editor);
        rules.requestMatchers(HttpMethod.DELETE, "/api/entities/**").hasRole(editor);
        rules.requestMatchers("/api/curation/**").hasRole(editor);
        rules.requestMatchers(HttpMethod.PUT, "/api/articles/*/labels/*").hasRole(editor);
        rules.requestMatchers(HttpMethod.DELETE, "/api/articles/*/labels/*").hasRole(editor);

        // Following stories: a feed also opens with its own token (checked by its controller), for feed readers.
        rules.requestMatchers(HttpMethod.GET, "/api/saved-searches/*/feed").permitAll();
        rules.requestMatchers("/api/saved-searches", "/api/saved-searches/**", "/api/collections",
                "/api/collections/**", "/api/batch-searches", "/api/batch-searches/**").hasRole(reader);

        rules.requestMatchers(HttpMethod.DELETE, "/api/articles/*", "/api/sources/*").hasRole(admin);
        rules.requestMatchers("/api/takedowns", "/api/takedowns/**").hasRole(admin);

        rules.requestMatchers("/api/users/**", "/api/keys/**", "/api/audit/**", "/api/admin/**", "/actuator/**")
                .hasRole(admin);

        rules.anyRequest().denyAll();
    }
}
