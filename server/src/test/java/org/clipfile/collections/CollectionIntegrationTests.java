package org.clipfile.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clipfile.security.Role;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Collections over HTTP on a real Elasticsearch: notes, privacy, stars, and collection= on search and export. */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-collections", "clipfile.alerts.enabled=false"})
class CollectionIntegrationTests extends ArchiveServerTest {
    @org.springframework.beans.factory.annotation.Autowired
    CollectionService collections;

    /** The server makes these indices in the background at start; the first test may come sooner. */
    @org.junit.jupiter.api.BeforeEach
    void ensureIndices() throws Exception {
        collections.indexReady(index);
    }

    private String article(String title) {
        Http.Response created = http.post("/api/articles", "application/json", """
                {"title": "%s", "body": "A story about the harbour crane and the %s.", "source": "Test Wire"}"""
                .formatted(title, title));
        assertThat(created.status()).isIn(200, 201);
        return created.json().get("id").asString();
    }

    private String collection(Http as, String name, boolean isPrivate) {
        Http.Response created = as.post("/api/collections", "application/json", """
                {"name": "%s", "private": %s}""".formatted(name, isPrivate));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void shouldKeepArticlesWithNotesAndFilterSearchFacetsAndExportByTheCollection() {
        String first = article("Crane collapse one");
        String second = article("Crane collapse two");
        article("Crane collapse three");
        String id = collection(http, "Harbour investigation", false);

        assertThat(http.put("/api/collections/" + id + "/articles/" + first, "application/json", """
                {"note": "Check the inspection dates"}""").status()).isEqualTo(201);
        assertThat(http.put("/api/collections/" + id + "/articles/" + second, "application/json", """
                {"note": "Source: port authority"}""").status()).isEqualTo(201);
        assertThat(http.put("/api/collections/" + id + "/articles/" + second, "application/json", """
                {"note": "Source: port authority, confirmed"}""").status()).isEqualTo(200);

        JsonNode page = http.get("/api/collections/" + id).json();
        assertThat(page.get("total").asLong()).isEqualTo(2);
        List<String> notes = new ArrayList<>();
        page.get("articles").forEach(a -> notes.add(a.get("note").asString()));
        assertThat(notes).containsExactlyInAnyOrder("Check the inspection dates", "Source: port authority, confirmed");
        assertThat(page.get("articles").get(0).get("title").asString()).startsWith("Crane collapse");

        JsonNode all = http.get("/api/search?q=crane").json();
        JsonNode inCollection = http.get("/api/search?q=crane&collection=" + id).json();
        assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(inCollection.get("total").asLong()).isEqualTo(2);
        assertThat(ids(inCollection.get("hits"))).containsExactlyInAnyOrder(first, second);
        assertThat(inCollection.get("facets").get("source").get("values").get(0).get("count").asLong())
                .as("facets count within the collection").isEqualTo(2);
        String export = http.get("/api/export?format=ndjson&q=crane&collection=" + id).body();
        assertThat(export.lines().filter(line -> line.contains("\"title\"")).count()).isEqualTo(2);

        assertThat(http.delete("/api/collections/" + id + "/articles/" + first).status()).isEqualTo(204);
        assertThat(http.get("/api/search?q=crane&collection=" + id).json().get("total").asLong()).isEqualTo(1);
        assertThat(http.delete("/api/collections/" + id + "/articles/" + first).status()).isEqualTo(404);
    }

    @Test
    void shouldHideAPrivateCollectionFromOtherUsersAndShareADeskCollection() {
        Http reader = http.as(Role.reader);
        Http editor = http.as(Role.editor);
        String article = article("Crane private");
        String mine = collection(reader, "My leads", true);
        String shared = collection(reader, "Desk leads", false);

        assertThat(editor.get("/api/collections/" + mine).status()).isEqualTo(404);
        assertThat(editor.get("/api/search?q=crane&collection=" + mine).status()).isEqualTo(404);
        assertThat(editor.put("/api/collections/" + mine + "/articles/" + article, "application/json", "{}")
                .status()).isEqualTo(404);
        assertThat(ids(editor.get("/api/collections").json())).contains(shared).doesNotContain(mine);
        assertThat(ids(http.get("/api/collections").json())).as("an admin sees all").contains(shared, mine);

        assertThat(editor.put("/api/collections/" + shared + "/articles/" + article, "application/json", """
                {"note": "added by a colleague"}""").status()).as("the desk adds to a shared collection")
                .isEqualTo(201);
        assertThat(editor.delete("/api/collections/" + shared).status()).as("only its owner deletes it")
                .isEqualTo(403);
        assertThat(reader.delete("/api/collections/" + shared).status()).isEqualTo(204);
        assertThat(reader.get("/api/collections/" + shared).status()).isEqualTo(404);
    }

    @Test
    void shouldStarArticlesPerUser() {
        Http reader = http.as(Role.reader);
        String article = article("Crane starred");

        assertThat(reader.get("/api/search?q=crane&collection=starred").json().get("total").asLong()).isZero();
        assertThat(reader.put("/api/collections/starred/articles/" + article, "application/json", "")
                .status()).isEqualTo(201);

        assertThat(reader.get("/api/search?q=crane&collection=starred").json().get("total").asLong()).isEqualTo(1);
        assertThat(http.as(Role.editor).get("/api/search?q=crane&collection=starred").json().get("total").asLong())
                .as("stars are one's own").isZero();
        assertThat(reader.get("/api/collections/starred").json().get("collection").get("private").asBoolean())
                .isTrue();
    }

    @Test
    void shouldRecordCollectionChangesInTheAudit() throws InterruptedException {
        String id = collection(http, "Audited", false);
        String article = article("Crane audited");
        http.put("/api/collections/" + id + "/articles/" + article, "application/json", "{\"note\": \"n\"}");

        List<String> actions = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && actions.size() < 2) {
            Thread.sleep(300);
            actions.clear();
            for (String action : List.of("collection.create", "collection.article-note")) {
                Http.Response audit = http.get("/api/audit?size=100&action=" + action);
                if (audit.status() != 200) {
                    continue; // the audit index may still be in the making right after start
                }
                for (JsonNode event : audit.json().get("events")) {
                    if (event.has("target") && event.get("target").asString().startsWith(id)) {
                        actions.add(event.get("action").asString());
                        break;
                    }
                }
            }
        }
        assertThat(actions).contains("collection.create", "collection.article-note");
    }

    @Test
    void shouldRefuseAnonymousCallsToEveryFollowEndpoint() {
        Http anonymous = Http.anonymous(port);
        for (String[] call : List.of(new String[] {"GET", "/api/collections"},
                new String[] {"POST", "/api/collections"}, new String[] {"GET", "/api/collections/starred"},
                new String[] {"PUT", "/api/collections/starred/articles/x"},
                new String[] {"GET", "/api/saved-searches"}, new String[] {"POST", "/api/saved-searches"},
                new String[] {"DELETE", "/api/saved-searches/x/feed-token"},
                new String[] {"GET", "/api/saved-searches/x/feed"}, new String[] {"GET", "/api/batch-searches"},
                new String[] {"POST", "/api/batch-searches"}, new String[] {"GET", "/api/batch-searches/x.csv"})) {
            Http.Response response = anonymous.send(call[0], call[1], "application/json", "{}");
            assertThat(response.status()).as(call[0] + " " + call[1]).isEqualTo(401);
            assertThat(response.contentType()).as(call[0] + " " + call[1]).startsWith("application/problem+json");
        }
    }

    @Test
    void shouldAnswerBadInputWithProblems() {
        String id = collection(http, "Problems", false);

        Http.Response missingArticle = http.put("/api/collections/" + id + "/articles/no-such-article",
                "application/json", "{}");
        assertThat(missingArticle.status()).isEqualTo(404);
        assertThat(missingArticle.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/api/collections", "application/json", "{\"name\": \"\"}").status()).isEqualTo(400);
        assertThat(http.post("/api/collections", "application/json", "{\"name\": \"starred\"}").status())
                .isEqualTo(400);
        assertThat(http.get("/api/collections/" + id + "?size=5000").status()).isEqualTo(400);
        assertThat(http.get("/api/search?collection=no-such-collection").status()).isEqualTo(404);
        for (String hostile : List.of("%00", "..%2F..", "%E2%80%AE" + "x".repeat(600), "a%22%7D%7B")) {
            Http.Response response = http.get("/api/search?collection=" + hostile);
            assertThat(response.status()).as(hostile).isBetween(400, 499);
            assertThat(http.get("/api/saved-searches/" + hostile).status()).as(hostile).isBetween(400, 499);
            assertThat(http.get("/api/batch-searches/" + hostile).status()).as(hostile).isBetween(400, 499);
        }
    }
}
