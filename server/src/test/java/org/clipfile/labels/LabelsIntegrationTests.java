package org.clipfile.labels;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.security.Role;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.AuditEvents;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.ImportJobs;
import org.clipfile.testsupport.Polls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Editors' labels over HTTP on a real Elasticsearch: the {@code label} facet and filter on search, facets and export,
 * apart from the source's tags; labels kept through a new ingest (one article, an import) and a re-index; bad
 * input, roles and the audit.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-labels", "clipfile.alerts.enabled=false"})
class LabelsIntegrationTests extends ArchiveServerTest {
    @Autowired
    ElasticsearchClient client;

    private String article(String title, String url) {
        Http.Response created = http.post("/api/articles", "application/json", """
                {"title": "%s", "body": "The river rose over the flood wall at %s.", "source": "Test Wire",
                 "url": "%s", "tags": ["Flood"]}""".formatted(title, title, url));
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        return created.json().get("id").asString();
    }

    private static String unique(String stem) {
        return stem + System.nanoTime();
    }

    private Http.Response label(Http as, String id, String label) {
        return as.put("/api/articles/" + id + "/labels/" + Http.encode(label).replace("+", "%20"), "application/json",
                "");
    }

    private static List<String> labels(JsonNode node) {
        List<String> labels = new ArrayList<>();
        node.get("labels").forEach(l -> labels.add(l.asString()));
        return labels;
    }

    private static long facetCount(JsonNode search, String facet, String value) {
        for (JsonNode v : search.get("facets").get(facet).get("values")) {
            if (v.get("value").asString().equals(value)) {
                return v.get("count").asLong();
            }
        }
        return 0;
    }

    @Test
    void shouldCountLabelsAsAFacetApartFromTagsAndFilterSearchFacetsAndExport() {
        String marker = unique("weir");
        String first = article("Weir " + marker + " one", "https://example.org/" + marker + "/1");
        String second = article("Weir " + marker + " two", "https://example.org/" + marker + "/2");
        String third = article("Weir " + marker + " three", "https://example.org/" + marker + "/3");

        Http.Response added = label(http.as(Role.editor), first, "  Flood   Defences ");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(labels(added.json())).as("stored in one form").containsExactly("flood defences");
        assertThat(labels(label(http.as(Role.editor), second, "FLOOD DEFENCES").json()))
                .containsExactly("flood defences");
        assertThat(labels(label(http, second, "checked").json())).as("an admin labels too")
                .containsExactly("flood defences", "checked");
        assertThat(labels(label(http, second, "checked").json())).as("adding it again changes nothing")
                .containsExactly("flood defences", "checked");

        JsonNode article = http.get("/api/articles/" + second).json();
        assertThat(labels(article)).containsExactly("flood defences", "checked");
        assertThat(article.get("tags").get(0).asString()).as("the source's tags stay apart").isEqualTo("Flood");

        JsonNode all = http.get("/api/search?q=" + marker).json();
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(facetCount(all, "label", "flood defences")).isEqualTo(2);
        assertThat(facetCount(all, "label", "checked")).isEqualTo(1);
        assertThat(facetCount(all, "tag", "flood defences")).as("labels are not tags").isZero();
        assertThat(facetCount(all, "tag", "flood")).isEqualTo(3);

        JsonNode labelled = http.get("/api/search?q=" + marker + "&label=" + Http.encode("Flood Defences")).json();
        assertThat(ids(labelled.get("hits"))).containsExactlyInAnyOrder(first, second);
        JsonNode excluded = http.get("/api/search?q=" + marker + "&-label=checked").json();
        assertThat(ids(excluded.get("hits"))).containsExactlyInAnyOrder(first, third);
        JsonNode facets = http.get("/api/facets/label?q=" + marker + "&label=checked").json();
        assertThat(facets.toString()).contains("flood defences", "checked");
        JsonNode sources = http.get("/api/facets/source?q=" + marker + "&label=checked").json();
        assertThat(sources.toString()).as(sources.toString()).contains("\"count\":1");

        String csv = http.get("/api/export?format=csv&q=" + marker + "&label=" + Http.encode("flood defences"))
                .body();
        List<String> rows = csv.lines().filter(l -> !l.startsWith("#") && !l.startsWith("\"#")).toList();
        assertThat(rows.getFirst()).contains("\"tags\",\"labels\",\"byline\"");
        assertThat(rows).hasSize(3);
        assertThat(csv).contains("flood defences; checked");

        Http.Response removed = http.as(Role.editor).delete("/api/articles/" + first + "/labels/"
                + "flood%20defences");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(labels(removed.json())).isEmpty();
        assertThat(http.as(Role.editor).delete("/api/articles/" + first + "/labels/flood%20defences").status())
                .as("removing it again changes nothing").isEqualTo(200);
        assertThat(http.get("/api/search?q=" + marker + "&label=flood%20defences").json().get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void shouldKeepLabelsWhenTheArticleIsIngestedAgainAloneOrInAnImport() throws Exception {
        String marker = unique("sluice");
        String url = "https://example.org/" + marker;
        String id = article("Sluice " + marker, url);
        assertThat(label(http.as(Role.editor), id, "verified").status()).isEqualTo(200);

        Http.Response again = http.post("/api/articles", "application/json", """
                {"title": "Sluice %s (updated)", "body": "The sluice gates opened at dawn.", "source": "Test Wire",
                 "url": "%s"}""".formatted(marker, url));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        JsonNode replaced = http.get("/api/articles/" + id).json();
        assertThat(replaced.get("title").asString()).endsWith("(updated)");
        assertThat(labels(replaced)).containsExactly("verified");

        String job = ImportJobs.start(http, "again.ndjson", "application/x-ndjson", """
                {"title": "Sluice %s (imported)", "body": "The sluice gates closed at dusk.", "source": "Test Wire", "url": "%s"}
                """.formatted(marker, url).getBytes(StandardCharsets.UTF_8));
        JsonNode imported = ImportJobs.awaitCompleted(http, job, Duration.ofSeconds(120));
        assertThat(imported.get("indexed").asLong()).isEqualTo(1);
        JsonNode reimported = http.get("/api/articles/" + id).json();
        assertThat(reimported.get("title").asString()).endsWith("(imported)");
        assertThat(labels(reimported)).containsExactly("verified");
        assertThat(http.get("/api/search?label=verified&q=" + marker).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void shouldKeepLabelsThroughAReindexAndLabelTheIndexKeptForARollBack() throws Exception {
        String marker = unique("levee");
        String id = article("Levee " + marker, "https://example.org/" + marker);
        assertThat(label(http, id, "before reindex").status()).isEqualTo(200);
        String before = index.currentIndex();

        Http.Response started = http.post("/api/admin/reindex", "application/json", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode status = Polls.every(Duration.ofMillis(200), Duration.ofMinutes(3)).alias("re-index still running")
                .until(() -> http.get("/api/admin/reindex").json(),
                        answer -> !answer.get("state").asString().equals("running"));
        assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("completed");
        String after = index.currentIndex();
        assertThat(after).isNotEqualTo(before);

        assertThat(labels(http.get("/api/articles/" + id).json())).containsExactly("before reindex");
        assertThat(http.get("/api/search?label=before%20reindex&q=" + marker).json().get("total").asLong())
                .isEqualTo(1);

        assertThat(label(http, id, "after reindex").status()).isEqualTo(200);
        var kept = client.get(g -> g.index(before).id(id), JsonNode.class);
        assertThat(kept.found()).as("the old index is kept").isTrue();
        assertThat(labels(kept.source())).as("a change reaches every article index holding the article")
                .containsExactly("before reindex", "after reindex");
    }

    @Test
    void shouldRefuseBadLabelsAndUnknownArticlesWithProblems() {
        String marker = unique("dyke");
        String id = article("Dyke " + marker, "https://example.org/" + marker);

        for (String bad : List.of("x".repeat(Labels.MAX_LENGTH + 1), "%3Cscript%3E", "-dash-first", "%E2%80%AEx",
                "%20%20", "a%09%0Ab", "y".repeat(500))) {
            Http.Response response = http.put("/api/articles/" + id + "/labels/" + bad, "application/json", "");
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).as(bad).startsWith("application/problem+json");
        }
        for (String hostile : List.of("%00", "a%3Bb", "..%2F..", "a%2Fb")) {
            Http.Response response = http.put("/api/articles/" + id + "/labels/" + hostile, "application/json", "");
            assertThat(response.status()).as(hostile).isBetween(400, 499);
        }
        Http.Response tooLong = label(http, id, "x".repeat(Labels.MAX_LENGTH + 1));
        assertThat(tooLong.json().get("type").asString()).isEqualTo("/problems/invalid-label");
        assertThat(label(http, id, "é".repeat(Labels.MAX_LENGTH)).status()).as("letters beyond ASCII count as one")
                .isEqualTo(200);

        for (int i = 1; i < Labels.MAX_PER_ARTICLE; i++) {
            assertThat(label(http, id, "label " + i).status()).isEqualTo(200);
        }
        Http.Response full = label(http, id, "one too many");
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("type").asString()).isEqualTo("/problems/too-many-labels");
        assertThat(labels(http.get("/api/articles/" + id).json())).hasSize(Labels.MAX_PER_ARTICLE)
                .doesNotContain("one too many");

        Http.Response missing = label(http, "no-such-article", "checked");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(label(http, "z".repeat(600), "checked").status()).isEqualTo(404);

        assertThat(label(http.as(Role.reader), id, "reader").status()).as("readers do not label").isEqualTo(403);
        assertThat(http.as(Role.reader).delete("/api/articles/" + id + "/labels/label%201").status()).isEqualTo(403);
        assertThat(label(Http.anonymous(port), id, "anonymous").status()).isEqualTo(401);
        assertThat(labels(http.get("/api/articles/" + id).json())).doesNotContain("reader", "anonymous")
                .contains("label 1");
    }

    @Test
    void shouldRecordEachLabelChangeInTheAudit() throws Exception {
        String marker = unique("culvert");
        String id = article("Culvert " + marker, "https://example.org/" + marker);

        label(http.as(Role.editor), id, "Audited");
        http.as(Role.editor).delete("/api/articles/" + id + "/labels/audited");

        JsonNode added = AuditEvents.await(http, "size=100&action=article.label",
                e -> e.path("target").asString("").equals(id));
        assertThat(added.get("detail").asString()).isEqualTo("label 'audited' added");
        assertThat(added.get("role").asString()).isEqualTo("editor");
        assertThat(added.get("status").asInt()).isEqualTo(200);
        JsonNode removed = AuditEvents.await(http, "size=100&action=article.unlabel",
                e -> e.path("target").asString("").equals(id));
        assertThat(removed.get("detail").asString()).isEqualTo("label 'audited' removed");
    }
}
