package org.clipfile.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.TestElasticsearch;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint against every kind of caller: anonymous, reader, editor, admin. A caller below the endpoint's role
 * gets 401 (anonymous) or 403 (signed in), as problems; a caller at or above it gets through to the endpoint,
 * whatever the endpoint then answers (a 404 for an unknown id, a 400 for an empty body).
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-security",
        "clipfile.security.bootstrap-admin-password=first-admin-password-for-tests"})
class AccessControlIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    ApiKeys keys;

    Http admin;

    @BeforeEach
    void setUp() throws Exception {
        users.ensureExists();
        keys.ensureExists();
        admin = new Http(port);
    }

    /** An endpoint and the least role that may call it; null: public; {@code NOBODY}: no role at all. */
    record Endpoint(String method, String path, @Nullable String contentType, @Nullable String body,
            @Nullable Role least, boolean nobody) {
        static Endpoint of(Role least, String method, String path) {
            return new Endpoint(method, path, null, null, least, false);
        }

        static Endpoint of(Role least, String method, String path, String body) {
            return new Endpoint(method, path, "application/json", body, least, false);
        }

        static Endpoint open(String method, String path) {
            return new Endpoint(method, path, null, null, null, false);
        }

        static Endpoint denied(String method, String path) {
            return new Endpoint(method, path, null, null, null, true);
        }

        boolean allows(@Nullable Role caller) {
            if (nobody) {
                return false;
            }
            if (least == null) {
                return true;
            }
            return caller != null && caller.ordinal() >= least.ordinal();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of(Role.reader, "GET", "/api/search?q=anything"),
            Endpoint.of(Role.reader, "GET", "/api/facets/source"),
            Endpoint.of(Role.reader, "GET", "/api/export?format=ndjson&q=nothingmatchesthis"),
            Endpoint.of(Role.reader, "GET", "/api/articles/no-such-article"),
            Endpoint.of(Role.reader, "GET", "/api/articles/no-such-article/related"),
            Endpoint.of(Role.reader, "GET", "/api/articles/no-such-article/annotations"),
            Endpoint.of(Role.reader, "GET", "/api/articles/no-such-article/copies"),
            Endpoint.of(Role.reader, "GET", "/api/articles/no-such-article/versions"),
            Endpoint.of(Role.reader, "GET", "/api/entities"),
            Endpoint.of(Role.reader, "GET", "/api/entities/person:nobody"),
            Endpoint.of(Role.reader, "GET", "/api/map"),
            Endpoint.of(Role.editor, "POST", "/api/articles", """
                    {"title": "Access test", "body": "An article posted by whoever may post."}"""),
            Endpoint.of(Role.editor, "POST", "/api/imports", "{}"),
            Endpoint.of(Role.editor, "GET", "/api/imports"),
            Endpoint.of(Role.editor, "GET", "/api/imports/no-such-job"),
            Endpoint.of(Role.editor, "GET", "/api/imports/no-such-job/failures"),
            Endpoint.of(Role.editor, "POST", "/api/entities/person:nobody/aliases", "{}"),
            Endpoint.of(Role.editor, "PUT", "/api/entities/person:nobody", "{}"),
            Endpoint.of(Role.editor, "DELETE", "/api/entities/person:nobody/aliases/x"),
            Endpoint.of(Role.editor, "DELETE", "/api/entities/person:nobody"),
            Endpoint.of(Role.editor, "GET", "/api/curation/edits"),
            Endpoint.of(Role.editor, "POST", "/api/curation/edits", "{}"),
            Endpoint.of(Role.editor, "DELETE", "/api/curation/edits/no-such-edit"),
            Endpoint.of(Role.editor, "GET", "/api/curation/entities/person:nobody"),
            Endpoint.of(Role.editor, "GET", "/api/curation/reindex"),
            Endpoint.of(Role.admin, "GET", "/api/users"),
            Endpoint.of(Role.admin, "POST", "/api/users", "{}"),
            Endpoint.of(Role.admin, "DELETE", "/api/users/no-such-user"),
            Endpoint.of(Role.admin, "GET", "/api/keys"),
            Endpoint.of(Role.admin, "POST", "/api/keys", "{}"),
            Endpoint.of(Role.admin, "DELETE", "/api/keys/no-such-key"),
            Endpoint.of(Role.admin, "DELETE", "/api/users/" + "x".repeat(600)),
            Endpoint.of(Role.admin, "DELETE", "/api/keys/" + "k".repeat(600)),
            Endpoint.of(Role.admin, "GET", "/api/audit"),
            Endpoint.of(Role.admin, "GET", "/api/audit/export"),
            Endpoint.of(Role.admin, "GET", "/api/admin/reindex"),
            // The version and build time, shown in the page's footer once logged in.
            Endpoint.of(Role.reader, "GET", "/actuator/info"),
            Endpoint.of(Role.admin, "DELETE", "/api/articles/no-such-article?reason=test"),
            Endpoint.of(Role.admin, "DELETE", "/api/sources/no-such-source?reason=test"),
            Endpoint.of(Role.admin, "GET", "/api/takedowns"),
            Endpoint.of(Role.admin, "DELETE", "/api/takedowns/no-such-takedown"),
            Endpoint.open("GET", "/openapi.json"),
            Endpoint.open("HEAD", "/index.html"),
            Endpoint.open("GET", "/actuator/health"),
            Endpoint.open("GET", "/"),
            Endpoint.open("GET", "/index.html"),
            Endpoint.open("GET", "/app/main.js"),
            Endpoint.open("GET", "/favicon.ico"),
            Endpoint.denied("GET", "/api/not-an-endpoint"),
            Endpoint.denied("PUT", "/api/articles/no-such-article"),
            Endpoint.denied("POST", "/api/search"));

    @Test
    void shouldLetEachRoleCallExactlyTheEndpointsItsRoleAllows() {
        Map<String, Http> callers = new java.util.LinkedHashMap<>();
        callers.put("anonymous", Http.anonymous(port));
        callers.put("reader", admin.as(Role.reader));
        callers.put("editor", admin.as(Role.editor));
        callers.put("admin", admin);
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (var caller : callers.entrySet()) {
                Role role = caller.getKey().equals("anonymous") ? null : Role.valueOf(caller.getKey());
                Http.Response response = caller.getValue().send(endpoint.method(), endpoint.path(),
                        endpoint.contentType(), endpoint.body());
                int status = response.status();
                if (endpoint.allows(role)) {
                    if (status == 401 || status == 403 || status >= 500) {
                        wrong.add(endpoint + " as " + caller.getKey() + ": expected to pass, got " + status + " "
                                + response.body());
                    }
                } else {
                    int expected = role == null ? 401 : 403;
                    if (status != expected || !response.contentType().startsWith("application/problem+json")) {
                        wrong.add(endpoint + " as " + caller.getKey() + ": expected a " + expected + " problem, got "
                                + status + " " + response.contentType());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldAnswerAnonymousSearchWithUnauthenticatedProblem() {
        Http.Response response = Http.anonymous(port).get("/api/search?q=raid");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("ApiKey");
    }

    @Test
    void shouldForbidReaderToIngest() {
        Http.Response response = admin.as(Role.reader).post("/api/articles", "application/json", """
                {"title": "Reader tries", "body": "Readers may not add articles."}""");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(response.json().get("detail").asString()).contains("reader");
    }

    @Test
    void shouldAcceptKeyInEitherHeaderAndRefuseUnknownOrRevokedKeys() {
        JsonNode issued = admin.post("/api/keys", "application/json", """
                {"name": "robot", "role": "reader"}""").json();
        String key = issued.get("key").asString();
        assertThat(key).startsWith("cf_");

        assertThat(Http.anonymous(port).withApiKey(key).get("/api/search?q=x").status()).isEqualTo(200);
        assertThat(new XApiKey(port, key).get("/api/session").json().get("username").asString())
                .isEqualTo("key:robot");

        Http.Response wrong = Http.anonymous(port).withApiKey(key.substring(0, key.length() - 1) + "x")
                .get("/api/search?q=x");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(Http.anonymous(port).withApiKey("not-even-a-key").get("/api/search").status()).isEqualTo(401);

        assertThat(admin.delete("/api/keys/" + issued.get("id").asString()).status()).isEqualTo(204);
        assertThat(Http.anonymous(port).withApiKey(key).get("/api/search?q=x").status()).isEqualTo(401);
        assertThat(admin.delete("/api/keys/" + issued.get("id").asString()).status()).isEqualTo(404);
    }

    /** The other header a program may use. */
    record XApiKey(int port, String key) {
        Http.Response get(String path) {
            try (var client = java.net.http.HttpClient.newHttpClient()) {
                var response = client.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + path)).header("X-Api-Key", key).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                return new Http.Response(response.statusCode(), "", response.body(), response.headers().map());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void shouldLogInWithSessionAndRequireCsrfTokenForChanges() {
        assertThat(admin.post("/api/users", "application/json", """
                {"username": "Rita", "password": "rita-reads-a-lot", "role": "editor"}""").status()).isEqualTo(201);
        Http browser = Http.browser(port);

        Http.Response before = browser.get("/api/session");
        assertThat(before.status()).isEqualTo(401);
        assertThat(before.json().get("type").asString()).isEqualTo("/problems/unauthenticated");
        assertThat(browser.cookie("XSRF-TOKEN")).as("the page gets its CSRF token on its first call").isPresent();

        String login = """
                {"username": "rita", "password": "rita-reads-a-lot"}""";
        assertThat(browser.withoutCsrfHeader().post("/api/session", "application/json", login).status())
                .as("a login without the CSRF header").isEqualTo(403);
        Http.Response wrongPassword = browser.post("/api/session", "application/json", """
                {"username": "rita", "password": "not her password"}""");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("type").asString()).isEqualTo("/problems/unauthenticated");

        String tokenBefore = browser.cookie("XSRF-TOKEN").orElseThrow();
        Http.Response loggedIn = browser.post("/api/session", "application/json", login);
        assertThat(loggedIn.status()).isEqualTo(200);
        assertThat(loggedIn.json().get("username").asString()).isEqualTo("rita");
        assertThat(loggedIn.json().get("role").asString()).isEqualTo("editor");
        assertThat(browser.cookie("JSESSIONID")).isPresent();
        assertThat(browser.cookie("XSRF-TOKEN")).as("a new token after login").isPresent()
                .get().isNotEqualTo(tokenBefore);

        assertThat(browser.get("/api/session").json().get("role").asString()).isEqualTo("editor");
        assertThat(browser.get("/api/search?q=anything").status()).isEqualTo(200);
        String article = """
                {"title": "Session post", "body": "Posted from a login session with its CSRF token."}""";
        assertThat(browser.withoutCsrfHeader().post("/api/articles", "application/json", article).status())
                .as("a forged post: the session cookie but no CSRF header").isEqualTo(403);
        assertThat(browser.post("/api/articles", "application/json", article).status()).isIn(200, 201);
        assertThat(browser.get("/api/users").status()).as("an editor is not an admin").isEqualTo(403);

        assertThat(browser.delete("/api/session").status()).isEqualTo(204);
        assertThat(browser.get("/api/session").status()).isEqualTo(401);
        assertThat(browser.get("/api/search?q=anything").status()).isEqualTo(401);
    }

    @Test
    void shouldEndSessionOfDeletedUserAndApplyChangedRole() {
        admin.post("/api/users", "application/json", """
                {"username": "temp", "password": "temporary-password", "role": "reader"}""");
        Http browser = Http.browser(port);
        browser.get("/api/session");
        assertThat(browser.post("/api/session", "application/json", """
                {"username": "temp", "password": "temporary-password"}""").status()).isEqualTo(200);
        assertThat(browser.get("/api/search?q=x").status()).isEqualTo(200);

        assertThat(admin.delete("/api/users/temp").status()).isEqualTo(204);

        assertThat(browser.get("/api/search?q=x").status()).isEqualTo(401);
    }

    @Test
    void shouldLogInFirstAdminWithBootstrapPasswordAndRefuseDeletingLastAdmin() throws InterruptedException {
        Http browser = Http.browser(port);
        browser.get("/api/session");
        // The first admin is made in the background once the indices exist, which may be just after start-up.
        Http.Response response = null;
        for (int i = 0; i < 120; i++) {
            response = browser.post("/api/session", "application/json", """
                    {"username": "admin", "password": "first-admin-password-for-tests"}""");
            if (response.status() == 429) {
                // Wrong logins while the admin did not exist yet are throttled like any others.
                Thread.sleep(1000L * Long.parseLong(response.header("Retry-After")));
                continue;
            }
            if (response.status() != 401) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("role").asString()).isEqualTo("admin");

        Http.Response deleted = admin.delete("/api/users/admin");
        assertThat(deleted.status()).isEqualTo(409);
        assertThat(deleted.json().get("type").asString()).isEqualTo("/problems/last-admin");
    }

    @Test
    void shouldStoreOnlyHashesOfPasswordsAndKeys() throws Exception {
        admin.post("/api/users", "application/json", """
                {"username": "hashcheck", "password": "a-secret-password-123", "role": "reader"}""");
        String key = admin.post("/api/keys", "application/json", """
                {"name": "hash check", "role": "editor"}""").json().get("key").asString();

        var es = TestElasticsearch.client();
        var user = es.get(g -> g.index(users.alias()).id("hashcheck"), Map.class);
        assertThat(user.found()).isTrue();
        String userSource = tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(user.source());
        assertThat(userSource).doesNotContain("a-secret-password-123");
        assertThat((String) user.source().get("password_hash")).startsWith("{bcrypt}$2");

        var stored = es.get(g -> g.index(keys.alias()).id(ApiKeys.hash(key)), Map.class);
        assertThat(stored.found()).as("the key's document id is its SHA-256").isTrue();
        es.indices().refresh(r -> r.index(keys.alias()));
        var all = es.search(s -> s.index(keys.alias()).size(1000), Map.class).hits().hits();
        for (var hit : all) {
            String json = tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(hit.source());
            assertThat(json + hit.id()).doesNotContain(key).doesNotContain(key.substring(3));
        }
        assertThat(admin.get("/api/keys").body()).doesNotContain(key);
        assertThat(admin.get("/api/users").body()).doesNotContain("$2");
    }

    @Test
    void shouldRefuseWeakPasswordsUnknownRolesAndDuplicateUsers() {
        assertThat(admin.post("/api/users", "application/json", """
                {"username": "shorty", "password": "short", "role": "reader"}""").status()).isEqualTo(400);
        assertThat(admin.post("/api/users", "application/json", """
                {"username": "kim", "password": "long-enough-password", "role": "boss"}""").status()).isEqualTo(400);
        assertThat(admin.post("/api/users", "application/json", """
                {"username": "kim", "password": "long-enough-password", "role": "reader"}""").status()).isEqualTo(201);
        Http.Response again = admin.post("/api/users", "application/json", """
                {"username": "KIM", "password": "long-enough-password", "role": "admin"}""");
        assertThat(again.status()).isEqualTo(409);
        assertThat(admin.get("/api/users").json().findValuesAsString("username")).contains("kim");
    }

    @Test
    void shouldSendSecurityHeadersOnEveryResponse() {
        List<Http.Response> responses = List.of(
                Http.anonymous(port).get("/"),
                Http.anonymous(port).get("/api/search?q=x"),
                admin.get("/api/search?q=x"),
                admin.as(Role.reader).post("/api/articles", "application/json", "{}"),
                Http.anonymous(port).get("/actuator/health"));
        for (Http.Response response : responses) {
            assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'self'; script-src 'self'; "
                    + "style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
                    + "base-uri 'self'");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }
}
