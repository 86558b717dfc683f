package org.clipfile.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.clipfile.security.Role;
import org.clipfile.testsupport.AuditEvents;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail as an admin sees it: the reader's searches, views, refusals, logins, in append-only indices. */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-audit", "clipfile.audit.flush-interval=200ms"})
class AuditIntegrationTests {
    @LocalServerPort
    int port;

    @Autowired
    AuditStore store;

    @Autowired
    AuditLog audit;

    Http admin;

    @BeforeEach
    void setUp() {
        admin = new Http(port);
        audit.storeReady();
    }

    /** Polls the audit until an event matching {@code wanted} appears (events are written asynchronously). */
    private JsonNode awaitEvent(String query, Predicate<JsonNode> wanted) throws InterruptedException {
        return AuditEvents.await(admin, query, wanted);
    }

    @Test
    void shouldShowAdminTheReadersSearchesWithQueryCountAndClient() throws Exception {
        Http reader = admin.as(Role.reader);
        String marker = "audittrail" + System.nanoTime();
        assertThat(admin.post("/api/articles", "application/json", """
                {"title": "Audit trail story", "body": "The word %s appears once."}""".formatted(marker)).status())
                .isEqualTo(201);
        assertThat(reader.get("/api/search?q=" + marker + "&sort=newest").status()).isEqualTo(200);

        JsonNode event = awaitEvent("user=key:test-reader&action=search",
                e -> marker.equals(e.path("query").asString(null)));

        assertThat(event.get("role").asString()).isEqualTo("reader");
        assertThat(event.get("auth").asString()).isEqualTo("api_key");
        assertThat(event.get("status").asInt()).isEqualTo(200);
        assertThat(event.get("result_count").asLong()).isEqualTo(1);
        assertThat(event.get("parameters").asString()).contains("sort=newest");
        assertThat(event.get("client").asString()).isEqualTo("127.0.0.1");
        assertThat(Instant.parse(event.get("at").asString())).isAfter(Instant.now().minusSeconds(300));
    }

    @Test
    void shouldRecordArticleViewsIngestsRefusalsAndFailedLogins() throws Exception {
        Http reader = admin.as(Role.reader);
        String id = admin.post("/api/articles", "application/json", """
                {"title": "Viewed story", "body": "Somebody will read this one."}""").json().get("id").asString();
        reader.get("/api/articles/" + id);
        reader.post("/api/articles", "application/json", """
                {"title": "Refused", "body": "Readers cannot post."}""");
        Http.anonymous(port).get("/api/export?q=secret");
        Http browser = Http.browser(port);
        browser.get("/api/session");
        browser.post("/api/session", "application/json", """
                {"username": "mallory", "password": "guessing-passwords"}""");

        awaitEvent("action=article.view&user=key:test-reader", e -> id.equals(e.path("target").asString(null)));
        awaitEvent("action=article.ingest&user=key:test-admin", e -> id.equals(e.path("target").asString(null))
                || e.path("status").asInt() == 201);
        awaitEvent("action=access.denied&user=key:test-reader",
                e -> e.get("status").asInt() == 403 && e.get("path").asString().equals("/api/articles"));
        awaitEvent("action=access.denied&user=anonymous",
                e -> e.get("status").asInt() == 401 && e.path("parameters").asString("").equals("q=secret"));
        awaitEvent("action=login.failed", e -> e.get("user").asString().equals("mallory")
                && e.get("status").asInt() == 401);
    }

    @Test
    void shouldExportEveryMatchingEventAsNdjson() throws Exception {
        Http reader = admin.as(Role.reader);
        for (int i = 0; i < 3; i++) {
            reader.get("/api/facets/source?contains=export" + i);
        }
        awaitEvent("action=facets&user=key:test-reader", e -> e.path("parameters").asString("").equals(
                "contains=export2"));

        Http.Response export = admin.get("/api/audit/export?action=facets&user=key:test-reader");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<String> parameters = new ArrayList<>();
        for (String line : export.body().split("\n")) {
            JsonNode event = JsonMapper.shared().readTree(line);
            assertThat(event.get("action").asString()).isEqualTo("facets");
            parameters.add(event.path("parameters").asString(""));
        }
        assertThat(parameters).contains("contains=export0", "contains=export1", "contains=export2");
    }

    @Test
    void shouldKeepEventsInMonthlyIndicesWrittenOnlyWithCreate() throws Exception {
        admin.as(Role.reader).get("/api/search?q=monthly");
        awaitEvent("action=search&user=key:test-reader", e -> "monthly".equals(e.path("query").asString(null)));

        String month = store.indexFor(Instant.now());
        var es = TestElasticsearch.client();
        assertThat(es.indices().exists(e -> e.index(month)).value()).isTrue();
        assertThat(es.indices().getAlias(a -> a.name(store.alias())).aliases()).containsKey(month);
        // Generated ids and version 1: written once, never updated.
        es.indices().refresh(r -> r.index(month));
        var hits = es.search(s -> s.index(month).size(100).version(true), java.util.Map.class).hits().hits();
        assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(hit.version()).isEqualTo(1L));
    }

    /** Finding 17: a refused API key was recorded without saying which key was tried. */
    @Test
    void shouldSayWhichKeyWasTriedWhenRefusingAnInvalidKey() throws Exception {
        String revoked = "cf_" + "Z".repeat(43);
        assertThat(Http.anonymous(port).withApiKey(revoked).get("/api/search?q=x").status()).isEqualTo(401);

        JsonNode event = awaitEvent("action=access.denied", e -> e.path("detail").asString("")
                .contains("prefix cf_ZZZZ"));

        assertThat(event.get("detail").asString()).contains("sha256 " + org.clipfile.security.ApiKeys.hash(revoked)
                .substring(0, 16)).doesNotContain(revoked);
    }

    /** Finding 17: an event Elasticsearch refused (not for load) was dropped without an audit.dropped record. */
    @Test
    void shouldRecordEventsElasticsearchRefusedAsDropped() throws Exception {
        var es = TestElasticsearch.client();
        Instant lastYear = Instant.now().minus(Duration.ofDays(200));
        String month = store.indexFor(lastYear);
        if (es.indices().exists(e -> e.index(month)).value()) {
            es.indices().delete(d -> d.index(month));
        }
        // A month whose index cannot take the event: its path must be a number there.
        es.indices().create(c -> c.index(month).mappings(m -> m.properties("path", p -> p.integer(i -> i))));
        try {
            audit.record(new AuditEvent(lastYear, "mallory", null, "session", null, "search", "GET",
                    "/api/search", null, null, null, 200, null, "127.0.0.1", null, null));

            awaitEvent("action=audit.dropped", e -> e.path("detail").asString("").contains("refused"));
        } finally {
            es.indices().delete(d -> d.index(month));
        }
    }

    @Test
    void shouldDropOnlyMonthsOlderThanTheRetention() throws Exception {
        var es = TestElasticsearch.client();
        String old = store.alias() + "-2020.01";
        String recent = store.indexFor(Instant.now());
        store.ensureMonth(old);
        store.ensureMonth(recent);

        List<String> dropped = store.dropExpired(Instant.now(), Duration.ofDays(365));

        assertThat(dropped).containsExactly(old);
        assertThat(es.indices().exists(e -> e.index(old)).value()).isFalse();
        assertThat(es.indices().exists(e -> e.index(recent)).value()).isTrue();
    }

    @Test
    void shouldRefuseAuditToEveryoneButAdmins() {
        assertThat(admin.as(Role.editor).get("/api/audit").status()).isEqualTo(403);
        assertThat(Http.anonymous(port).get("/api/audit/export").status()).isEqualTo(401);
        assertThat(admin.get("/api/audit?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void shouldAnswerMalformedAuditParametersWithInvalidRequestProblems() {
        Map<String, String> details = Map.of(
                "/api/audit?from=yesterday", "from must be a date",
                "/api/audit/export?to=2026-02-30", "to must be a date",
                "/api/audit?size=0", "page starts at 1 and size is between 1 and 1000",
                "/api/audit?page=300&size=50", "Pages end at the 10,000th event");
        details.forEach((url, detail) -> {
            Http.Response response = admin.get(url);

            assertThat(response.status()).as(url).isEqualTo(400);
            assertThat(response.contentType()).as(url).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.get("type").asString()).isEqualTo("/problems/invalid-request");
            assertThat(problem.get("title").asString()).isEqualTo("Invalid request");
            assertThat(problem.get("detail").asString()).as(url).startsWith(detail);
        });
    }

    @Test
    void shouldReadAuditDatesLikeTheSearchDoes() {
        Http.Response month = admin.get("/api/audit?from=2020-01&to=2020");
        assertThat(month.status()).as(month.body()).isEqualTo(200);
        assertThat(month.json().get("total").asLong()).isZero();
    }
}
