package org.clipfile.versions;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clipfile.security.Role;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.ImportJobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Versions of a page on a real Elasticsearch: a page posted or imported again under its URL with other words keeps
 * its earlier text (with the word-level difference), the same text again keeps nothing, search sees the current
 * text only, the number kept is bounded, and a takedown removes the versions with the article.
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-versions", "clipfile.versions.max-per-article=3"})
class VersionsIntegrationTests extends ArchiveServerTest {
    @Autowired
    ElasticsearchClient client;

    @Autowired
    ArticleVersions versions;

    private static String body(String marker, String mayorSaid, String count) {
        return "The council of " + marker + " voted on Tuesday to close the old bridge to traffic. The mayor said "
                + "the decision was " + mayorSaid + ".\n\nEngineers found " + count + " cracks in the main span "
                + "last month, and repairs are expected to take two years.";
    }

    private String post(String url, String title, String body, String source) {
        Http.Response response = http.post("/api/articles", "application/json", """
                {"title": "%s", "body": "%s", "url": "%s", "source": "%s", "published": "2024-11-05"}"""
                .formatted(title, body.replace("\n", "\\n"), url, source));
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json().get("id").asString();
    }

    private long keptVersions(String articleId) throws Exception {
        return client.count(c -> c.index(versions.alias()).ignoreUnavailable(true)
                .query(q -> q.term(t -> t.field("article_id").value(FieldValue.of(articleId))))).count();
    }

    @Test
    void shouldKeepTheEarlierTextOfAChangedPageWithItsWordDifference() throws Exception {
        String marker = "bridgex" + System.nanoTime();
        String url = "https://example.org/news/" + marker;
        String first = post(url, "Bridge to close", body(marker, "regrettable", "twelve"), "City Paper");
        String second = post(url, "Bridge to close for two years", body(marker, "unavoidable", "twelve"),
                "City Paper");

        JsonNode history = http.get("/api/articles/" + first + "/versions").json();

        assertThat(second).isEqualTo(first);
        assertThat(history.get("updates").asInt()).isEqualTo(1);
        assertThat(history.get("dropped").asInt()).isZero();
        assertThat(history.get("title").asString()).isEqualTo("Bridge to close for two years");
        assertThat(history.get("versions")).hasSize(1);
        JsonNode earlier = history.get("versions").get(0);
        assertThat(earlier.get("sequence").asInt()).isEqualTo(1);
        assertThat(earlier.get("title").asString()).isEqualTo("Bridge to close");
        assertThat(earlier.get("body").asString()).contains("regrettable");
        assertThat(earlier.get("title_changed").asBoolean()).isTrue();
        assertThat(earlier.get("ingested_at").asString()).isNotBlank();
        assertThat(earlier.get("superseded_at").asString()).isNotBlank();
        JsonNode difference = earlier.get("difference");
        assertThat(difference.get("words_removed").asInt()).isEqualTo(1);
        assertThat(difference.get("words_added").asInt()).isEqualTo(1);
        assertThat(difference.get("changes").get(0).get("removed").asString()).isEqualTo("regrettable.");
        assertThat(difference.get("changes").get(0).get("added").asString()).isEqualTo("unavoidable.");
        assertThat(http.get("/api/articles/" + first).json().get("body").asString()).contains("unavoidable")
                .doesNotContain("regrettable");
    }

    @Test
    void shouldFindOnlyTheCurrentTextInSearch() {
        String marker = "searchx" + System.nanoTime();
        String url = "https://example.org/news/" + marker;
        String id = post(url, "Bridge to close", body(marker, "regrettable", "twelve"), "City Paper");
        post(url, "Bridge to close", body(marker, "unavoidable", "twelve"), "City Paper");

        JsonNode current = http.get("/api/search?collapse=false&q=" + marker + "%20AND%20unavoidable").json();
        JsonNode earlier = http.get("/api/search?collapse=false&q=" + marker + "%20AND%20regrettable").json();

        assertThat(ids(current.get("hits"))).containsExactly(id);
        assertThat(earlier.get("total").asLong()).isZero();
        assertThat(http.get("/api/articles/" + id + "/versions").json().get("versions")).hasSize(1);
    }

    @Test
    void shouldAddNoVersionWhenTheSameTextIsPostedAgain() throws Exception {
        String marker = "samex" + System.nanoTime();
        String url = "https://example.org/news/" + marker;
        String id = post(url, "Bridge to close", body(marker, "regrettable", "twelve"), "City Paper");
        Http.Response again = http.post("/api/articles", "application/json", """
                {"title": "Bridge to close", "body": "%s", "url": "%s", "source": "City Paper", "published": "2024-11-05"}"""
                .formatted(body(marker, "regrettable", "twelve").replace("\n", "\\n"), url));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("created").asBoolean()).isFalse();
        JsonNode history = http.get("/api/articles/" + id + "/versions").json();
        assertThat(history.get("updates").asInt()).isZero();
        assertThat(history.get("versions")).isEmpty();
        assertThat(keptVersions(id)).isZero();
    }

    @Test
    void shouldKeepEarlierTextsOfAPageImportedAgainAlsoWithinOneBatch() throws Exception {
        String marker = "importx" + System.nanoTime();
        String url = "https://example.org/news/" + marker;
        String id = post(url, "Bridge to close", body(marker, "regrettable", "twelve"), "City Paper");
        String changed = body(marker, "unavoidable", "twelve");
        String changedAgain = body(marker, "unavoidable", "fourteen");
        // An import parses in parallel: of two rows with one URL, either may be written last.
        String ndjson = """
                {"title": "Bridge to close", "body": %s, "url": "%s", "source": "City Paper"}
                {"title": "Bridge to close", "body": %s, "url": "%s", "source": "City Paper"}
                """.formatted(json(changed), url, json(changedAgain), url);

        String job = ImportJobs.start(http, "pages.ndjson", "application/x-ndjson",
                ndjson.getBytes(StandardCharsets.UTF_8));
        ImportJobs.awaitCompleted(http, job, Duration.ofSeconds(120));

        JsonNode history = http.get("/api/articles/" + id + "/versions").json();
        assertThat(history.get("updates").asInt()).as(history.toString()).isEqualTo(2);
        JsonNode versionsKept = history.get("versions");
        assertThat(versionsKept.get(1).get("sequence").asInt()).isEqualTo(1);
        assertThat(versionsKept.get(1).get("body").asString()).contains("regrettable");
        assertThat(versionsKept.get(1).get("difference").get("changes").get(0).get("removed").asString())
                .isEqualTo("regrettable.");
        assertThat(versionsKept.get(0).get("sequence").asInt()).isEqualTo(2);
        String current = http.get("/api/articles/" + id).json().get("body").asString();
        assertThat(List.of(versionsKept.get(0).get("body").asString(), current)).allMatch(b -> b.contains(
                "unavoidable")).anyMatch(b -> b.contains("Engineers found twelve")).anyMatch(b -> b.contains(
                "Engineers found fourteen"));
        assertThat(versionsKept.get(0).get("difference").get("words_removed").asInt()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheFirstTextAndTheLatestOnesBeyondTheBound() throws Exception {
        String marker = "boundx" + System.nanoTime();
        String url = "https://example.org/news/" + marker;
        String id = null;
        for (String count : List.of("one", "two", "three", "four", "five", "six")) {
            id = post(url, "Bridge to close", body(marker, "regrettable", count), "City Paper");
        }

        JsonNode history = http.get("/api/articles/" + id + "/versions").json();

        assertThat(history.get("updates").asInt()).isEqualTo(5);
        assertThat(history.get("dropped").asInt()).isEqualTo(2);
        List<Integer> sequences = new ArrayList<>();
        history.get("versions").forEach(v -> sequences.add(v.get("sequence").asInt()));
        assertThat(sequences).containsExactly(5, 4, 1);
        assertThat(history.get("versions").get(2).get("body").asString()).contains("Engineers found one cracks");
        // The first kept text is compared with the next one kept (four), the gap being the dropped ones.
        assertThat(history.get("versions").get(2).get("difference").get("changes").get(0).get("added").asString())
                .isEqualTo("four");
        assertThat(keptVersions(id)).isEqualTo(3);
    }

    @Test
    void shouldRemoveTheVersionsOfATakenDownArticleAndOfATakenDownSource() throws Exception {
        String marker = "legalx" + System.nanoTime();
        String url = "https://example.org/news/" + marker;
        String id = post(url, "Bridge to close", body(marker, "regrettable", "twelve"), "City Paper");
        post(url, "Bridge to close", body(marker, "unavoidable", "twelve"), "City Paper");
        String source = "Gone Daily " + marker;
        String other = post(url + "/other", "Other page", body(marker, "regrettable", "nine"), source);
        post(url + "/other", "Other page", body(marker, "unavoidable", "nine"), source);
        assertThat(keptVersions(id)).isEqualTo(1);
        assertThat(keptVersions(other)).isEqualTo(1);

        Http.Response article = http.send("DELETE", "/api/articles/" + id + "?reason=" + Http.encode(
                "court order 2024/18"), null, null);
        Http.Response ofSource = http.send("DELETE", "/api/sources/" + Http.encode(source).replace("+", "%20")
                + "?reason=" + Http.encode("licence ended"), null, null);

        assertThat(article.status()).as(article.body()).isEqualTo(200);
        assertThat(article.json().get("removed").asLong()).isEqualTo(2);
        assertThat(keptVersions(id)).isZero();
        assertThat(http.get("/api/articles/" + id + "/versions").status()).isEqualTo(404);
        assertThat(ofSource.status()).as(ofSource.body()).isEqualTo(200);
        assertThat(ofSource.json().get("removed").asLong()).isEqualTo(2);
        assertThat(keptVersions(other)).isZero();
    }

    @Test
    void shouldLetReadersReadVersionsAndAnswerUnknownIdsWithAProblem() {
        String marker = "readerx" + System.nanoTime();
        String id = post("https://example.org/news/" + marker, "Bridge to close", body(marker, "regrettable",
                "twelve"), "City Paper");

        assertThat(http.as(Role.reader).get("/api/articles/" + id + "/versions").status()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/api/articles/" + id + "/versions").status()).isEqualTo(401);
        Http.Response unknown = http.get("/api/articles/nosuchid/versions");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        String tooLong = "x".repeat(600);
        assertThat(http.get("/api/articles/" + tooLong + "/versions").status()).isEqualTo(404);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
