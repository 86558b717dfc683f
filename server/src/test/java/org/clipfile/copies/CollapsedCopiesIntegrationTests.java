package org.clipfile.copies;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The copies of a collapsed page, counted by one request after the search (no inner hit): the edges. Articles are
 * written straight into the index with the cluster a test wants, so a story can have hundreds of copies, a cluster
 * id any characters, and an article no cluster at all (as before clusters existed).
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-collapsed-copies"})
class CollapsedCopiesIntegrationTests extends ArchiveServerTest {
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    @Autowired
    ElasticsearchClient client;

    /** Writes articles (id, body, source, hours after {@link #START}, cluster or null) and waits until searchable. */
    private void write(List<Map<String, Object>> articles) throws IOException {
        var response = client.bulk(b -> {
            b.refresh(Refresh.WaitFor);
            for (Map<String, Object> article : articles) {
                b.operations(o -> o.index(i -> i.index(index.alias()).id((String) article.get("id"))
                        .document(article)));
            }
            return b;
        });
        assertThat(response.errors()).as(response.toString()).isFalse();
    }

    private static Map<String, Object> article(String id, String body, String source, int hour,
            String cluster) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("id", id);
        article.put("title", "Story " + id);
        article.put("body", body);
        article.put("source", source);
        article.put("published", START.plus(hour, ChronoUnit.HOURS).toString());
        if (cluster != null) {
            article.put("cluster", cluster);
        }
        return article;
    }

    @Test
    void shouldCountEveryCopyOfAStoryWithHundredsOfThemAndNameOnlyTheEarliestFewSources() throws IOException {
        String marker = "hundredx" + System.nanoTime();
        // Any characters: the cluster is a value the copies request sends back to Elasticsearch as it came.
        String cluster = "big \"cluster\" \u00fc/\\ " + marker;
        List<Map<String, Object>> copies = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            copies.add(article(marker + "-" + i, "Harbour pilots strike " + marker, "Paper " + (i % 10), i,
                    cluster));
        }
        write(copies);

        JsonNode oldest = http.get("/api/search?sort=oldest&q=" + marker).json();
        JsonNode oneSource = http.get("/api/search?sort=oldest&source=" + Http.encode("Paper 3") + "&q=" + marker)
                .json();

        assertThat(oldest.get("total").asLong()).isEqualTo(300);
        assertThat(oldest.get("hits")).hasSize(1);
        JsonNode hit = oldest.get("hits").get(0);
        assertThat(hit.get("id").asString()).isEqualTo(marker + "-0");
        assertThat(hit.get("cluster").asString()).isEqualTo(cluster);
        assertThat(hit.get("copies").asLong()).isEqualTo(299);
        assertThat(hit.get("leader").asString()).isEqualTo(marker + "-0");
        // The five earliest, the hit itself left out.
        assertThat(hit.get("copy_sources").valueStream().map(JsonNode::asString))
                .containsExactly("Paper 1", "Paper 2", "Paper 3", "Paper 4");
        // Under a selection only the matching copies count: 30 articles of Paper 3.
        JsonNode selected = oneSource.get("hits").get(0);
        assertThat(oneSource.get("hits")).hasSize(1);
        assertThat(selected.get("id").asString()).isEqualTo(marker + "-3");
        assertThat(selected.get("copies").asLong()).isEqualTo(29);
        assertThat(selected.get("leader").asString()).isEqualTo(marker + "-3");
        assertThat(selected.get("copy_sources").valueStream().map(JsonNode::asString)).containsExactly("Paper 3");
    }

    @Test
    void shouldShowEveryCopyWithoutCountsWhenNotCollapsedAndOnCursorPages() throws IOException {
        String marker = "uncollapsedx" + System.nanoTime();
        List<Map<String, Object>> copies = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            copies.add(article(marker + "-" + i, "Ferry crews walk out " + marker, "Paper " + i, i, "c-" + marker));
        }
        write(copies);

        JsonNode everyCopy = http.get("/api/search?collapse=false&size=100&q=" + marker).json();
        JsonNode firstPage = http.get("/api/search?sort=oldest&size=20&cursor=&q=" + marker).json();
        JsonNode secondPage = http.get("/api/search?sort=oldest&size=20&q=" + marker + "&cursor="
                + Http.encode(firstPage.get("cursor").asString())).json();

        assertThat(everyCopy.get("hits")).hasSize(25);
        assertThat(firstPage.get("hits")).hasSize(20);
        assertThat(secondPage.get("hits")).hasSize(5);
        for (JsonNode page : List.of(everyCopy, firstPage, secondPage)) {
            for (JsonNode hit : page.get("hits")) {
                assertThat(hit.get("copies").asLong()).isZero();
                assertThat(hit.get("copy_sources")).isEmpty();
            }
        }
    }

    @Test
    void shouldAnswerAnEmptyCollapsedPage() {
        Http.Response nothing = http.get("/api/search?q=nosuchwordx" + System.nanoTime());
        Http.Response beyond = http.get("/api/search?page=50&q=strike");

        assertThat(nothing.status()).isEqualTo(200);
        assertThat(nothing.json().get("total").asLong()).isZero();
        assertThat(nothing.json().get("hits")).isEmpty();
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.json().get("hits")).isEmpty();
    }

    @Test
    void shouldFoldArticlesWithoutAClusterIntoOneHitCountingThemAsCollapseDoes() throws IOException {
        String marker = "noclusterx" + System.nanoTime();
        write(List.of(article("old-a-" + marker, "Canal lock repairs " + marker, "Gazette", 1, null),
                article("old-b-" + marker, "Canal lock repairs " + marker, "Courier", 2, null),
                article("new-" + marker, "Canal lock repairs " + marker, "Herald", 3, "new-" + marker)));

        JsonNode hits = http.get("/api/search?sort=oldest&q=" + marker).json().get("hits");

        // Elasticsearch's collapse puts every article without a cluster into one group (the start-up backfill gives
        // them one; these were written after it): that group's hit counts the others of the group.
        assertThat(ids(hits)).containsExactly("old-a-" + marker, "new-" + marker);
        JsonNode folded = hits.get(0);
        assertThat(folded.path("cluster").isNull() || folded.path("cluster").isMissingNode()).isTrue();
        assertThat(folded.get("copies").asLong()).isEqualTo(1);
        assertThat(folded.get("leader").asString()).isEqualTo("old-a-" + marker);
        assertThat(folded.get("copy_sources").valueStream().map(JsonNode::asString)).containsExactly("Courier");
        assertThat(hits.get(1).get("copies").asLong()).isZero();
        assertThat(hits.get(1).get("leader").asString()).isEqualTo("new-" + marker);
    }

    @Test
    void shouldCountTheCopiesUnderTheQueryThatFoundThePageWhenAShortQueryWasRelaxed() throws IOException {
        String marker = "relaxx" + System.nanoTime();
        String cluster = "relaxed-" + marker;
        // No article has both words: the search retries with either, and so must the count of the copies.
        write(List.of(article("a-" + marker, "Quay cranes idle alpha" + marker, "One", 1, cluster),
                article("b-" + marker, "Quay cranes idle alpha" + marker, "Two", 2, cluster),
                article("c-" + marker, "Quay cranes idle beta" + marker, "Three", 3, cluster)));
        String q = Http.encode("alpha" + marker + " beta" + marker);

        JsonNode collapsed = http.get("/api/search?sort=oldest&q=" + q).json();
        JsonNode everyCopy = http.get("/api/search?sort=oldest&collapse=false&q=" + q).json();

        assertThat(collapsed.get("matched").asString()).isEqualTo("most");
        assertThat(everyCopy.get("hits")).hasSize(3);
        assertThat(collapsed.get("hits")).hasSize(1);
        assertThat(collapsed.get("hits").get(0).get("copies").asLong()).isEqualTo(2);
        assertThat(collapsed.get("hits").get(0).get("copy_sources").valueStream().map(JsonNode::asString))
                .containsExactly("Two", "Three");
    }
}
