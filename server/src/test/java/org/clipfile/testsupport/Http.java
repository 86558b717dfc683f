package org.clipfile.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.clipfile.security.Role;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for calling the server under test exactly as any client would. {@code new Http(port)} calls
 * as an admin with an API key (see {@link TestCredentials}); {@link #as(Role)}, {@link #anonymous(int)} and
 * {@link #withApiKey(String)} call as someone else, and {@link #browser(int)} behaves like the web page: cookies,
 * a login session and the CSRF header taken from the {@code XSRF-TOKEN} cookie.
 */
public final class Http {
    private final HttpClient client;
    private final URI base;
    private final int port;
    private final Supplier<@Nullable String> apiKey;
    private final @Nullable CookieManager cookies;
    private final boolean csrfHeader;

    public Http(int port) {
        this(port, () -> TestCredentials.key(port, Role.admin), null, false);
    }

    private Http(int port, Supplier<@Nullable String> apiKey, @Nullable CookieManager cookies, boolean csrfHeader) {
        this.port = port;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.apiKey = apiKey;
        this.cookies = cookies;
        this.csrfHeader = csrfHeader;
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        this.client = builder.build();
    }

    /** Calls without any credential. */
    public static Http anonymous(int port) {
        return new Http(port, () -> null, null, false);
    }

    /** Calls with an API key of this role. */
    public Http as(Role role) {
        return new Http(port, () -> TestCredentials.key(port, role), null, false);
    }

    public Http withApiKey(String key) {
        return new Http(port, () -> key, null, false);
    }

    /** Like the web page: no API key, cookies kept, {@code X-XSRF-TOKEN} sent on changes. */
    public static Http browser(int port) {
        return new Http(port, () -> null, new CookieManager(null, CookiePolicy.ACCEPT_ALL), true);
    }

    /** The same cookies (session), but changes go out without the CSRF header, as a forged request would. */
    public Http withoutCsrfHeader() {
        return new Http(port, apiKey, cookies, false);
    }

    public Optional<String> cookie(String name) {
        if (cookies == null) {
            return Optional.empty();
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).filter(v -> !v.isEmpty()).findFirst();
    }

    public record Response(int status, String contentType, String body, Map<String, List<String>> headers) {
        public JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        public @Nullable String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    public Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Response post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response put(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Any method, for tables of endpoints. */
    public Response send(String method, String path, @Nullable String contentType, @Nullable String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /**
     * Waits until the import service answers (its start-up listener runs in the background and, on a loaded machine,
     * finishes seconds after the context: until then imports answer 503 "still starting", as they should).
     */
    public void awaitImportsStarted() {
        try {
            Polls.every(java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(60))
                    .until(() -> get("/api/imports?size=1").status() == 200);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("The import service did not start within 60 s");
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Response send(HttpRequest.Builder request) {
        String key = apiKey.get();
        if (key != null) {
            request.header("Authorization", "ApiKey " + key);
        }
        if (csrfHeader) {
            cookie("XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes a login account {@code <prefix>-editor} and {@code <prefix>-reader} with this password (as an admin); an
     * account left by an earlier test (409) is fine.
     */
    public void ensureEditorAndReader(String prefix, String password) {
        for (String role : java.util.List.of("editor", "reader")) {
            Response user = post("/api/users", "application/json", """
                    {"username": "%s-%s", "password": "%s", "role": "%s"}""".formatted(prefix, role, password, role));
            org.assertj.core.api.Assertions.assertThat(user.status()).as(user.body()).isIn(201, 409);
        }
    }
}
