package org.clipfile.copies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.clipfile.security.Role;
import org.clipfile.testsupport.ArchiveServerTest;
import org.clipfile.testsupport.AuditEvents;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.ImportJobs;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Copies of one story on a real Elasticsearch: reprints with other headlines and sources fold into one hit, an
 * import batch holding two copies makes one cluster, and takedowns remove an article for good (until lifted).
 */
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=it-copies", "clipfile.audit.flush-interval=200ms"})
class WireCopiesIntegrationTests extends ArchiveServerTest {
    @org.springframework.beans.factory.annotation.Autowired
    co.elastic.clients.elasticsearch.ElasticsearchClient client;

    @org.springframework.beans.factory.annotation.Autowired
    ClusterBackfill backfill;

    /**
     * A wire story of four paragraphs, salted with {@code marker} (a word no other test uses) after about every
     * second word, so that it is a different story from every other test's: almost every word shingle holds it.
     */
    static String plainStory() {
        return """
                Dock workers in Rotterdam walked out on Monday over pay, halting container traffic at the country's \
                largest port. The union said the strike would last 48 hours unless employers improved their offer.

                Shipping lines diverted vessels to Antwerp and Hamburg. A spokesman for the port authority said \
                about 40 ships were waiting at anchor off the coast by the evening.

                Employers called the walkout irresponsible and said talks would resume on Wednesday. The last \
                strike at the port, in 2019, lasted three days and cost an estimated 100 million euros.

                Truck drivers queued for hours outside the container terminals, and retailers warned that shelves \
                could empty before the holidays if the dispute dragged on into a second week.""";
    }

    static String story(String marker) {
        return salted(plainStory(), marker);
    }

    static String salted(String text, String marker) {
        StringBuilder salted = new StringBuilder();
        for (String token : text.split(" ")) {
            salted.append(token).append(' ');
            // By the word, not its position: a copy that drops a paragraph keeps the same salt on the rest.
            if (token.length() % 2 == 0) {
                salted.append(marker).append(' ');
            }
        }
        return salted.toString().strip();
    }

    /** The reprint: a paragraph dropped and a sentence rephrased. */
    static String reprint(String marker) {
        String story = plainStory();
        return salted(story.substring(0, story.indexOf("Shipping lines")) + story.substring(story.indexOf(
                "Employers")).replace("irresponsible", "reckless").replace("talks would resume",
                "negotiations restart"), marker);
    }

    private String post(String title, String body, String source, String published) {
        Http.Response response = http.post("/api/articles", "application/json", """
                {"title": %s, "body": %s, "source": "%s", "published": "%s"}""".formatted(json(title), json(body),
                source, published));
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json().get("id").asString();
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void shouldShowTwoReprintsWithDifferentHeadlinesAndSourcesAsOneHitWithOneCopy() {
        String marker = "rotterdamx" + System.nanoTime();
        String original = post("Port strike halts traffic", story(marker), "Wire Agency", "2024-10-21");
        String copy = post("Ships stranded as dockers strike", reprint(marker), "Daily Paper", "2024-10-22");

        JsonNode collapsed = http.get("/api/search?q=" + marker).json();
        JsonNode everyCopy = http.get("/api/search?collapse=false&q=" + marker).json();

        assertThat(collapsed.get("hits")).hasSize(1);
        JsonNode hit = collapsed.get("hits").get(0);
        assertThat(hit.get("copies").asLong()).isEqualTo(1);
        assertThat(hit.get("leader").asString()).isEqualTo(original);
        assertThat(hit.get("cluster").asString()).isEqualTo(original);
        String other = hit.get("id").asString().equals(original) ? "Daily Paper" : "Wire Agency";
        assertThat(hit.get("copy_sources").get(0).asString()).isEqualTo(other);
        assertThat(ids(everyCopy.get("hits"))).containsExactlyInAnyOrder(original, copy);
        assertThat(everyCopy.get("hits").get(0).get("copies").asLong()).isZero();
    }

    @Test
    void shouldCountStoriesOrArticlesInFacetsAsAsked() {
        String marker = "storycountx" + System.nanoTime();
        String tag = "docks-" + marker;
        for (String[] article : List.of(
                new String[] {"Port strike halts traffic", story(marker), "Wire Agency", "2024-10-21"},
                new String[] {"Ships stranded as dockers strike", reprint(marker), "Daily Paper", "2024-10-22"},
                new String[] {"Dock pay talks to resume", "Employers at the port of " + marker + " and the union "
                        + "agreed to meet again next week after a day of talks about pay and hours.", "Wire Agency",
                        "2024-10-23"})) {
            Http.Response response = http.post("/api/articles", "application/json", """
                    {"title": %s, "body": %s, "source": "%s", "published": "%s", "tags": ["%s"]}""".formatted(
                    json(article[0]), json(article[1]), article[2], article[3], tag));
            assertThat(response.status()).as(response.body()).isIn(200, 201);
        }

        JsonNode articles = http.get("/api/search?tag=" + tag).json().get("facets");
        JsonNode stories = http.get("/api/search?count=stories&tag=" + tag).json().get("facets");
        JsonNode oneFacet = http.get("/api/facets/source?count=stories&tag=" + tag).json();

        assertThat(articles.get("tag").get("counts").asString()).isEqualTo("articles");
        assertThat(articles.get("tag").get("values").get(0).get("count").asLong()).isEqualTo(3);
        assertThat(stories.get("tag").get("counts").asString()).isEqualTo("stories");
        assertThat(stories.get("tag").get("values").get(0).get("count").asLong()).isEqualTo(2);
        // Wire Agency has two articles of two stories; Daily Paper's one article is a copy: one story each way.
        assertThat(counts(stories.get("source"))).containsEntry("Wire Agency", 2L).containsEntry("Daily Paper", 1L);
        assertThat(counts(oneFacet)).containsEntry("Wire Agency", 2L).containsEntry("Daily Paper", 1L);
        assertThat(oneFacet.get("counts").asString()).isEqualTo("stories");
        Http.Response bad = http.get("/api/search?count=copies&tag=" + tag);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("count must be articles or stories");
    }

    private static java.util.Map<String, Long> counts(JsonNode facet) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        facet.get("values").forEach(v -> counts.put(v.get("value").asString(), v.get("count").asLong()));
        return counts;
    }

    @Test
    void shouldMarkEachExportedRowWithItsCluster() {
        String marker = "exportx" + System.nanoTime();
        String original = post("Port strike halts traffic", story(marker), "Wire Agency", "2024-10-21");
        String copy = post("Ships stranded as dockers strike", reprint(marker), "Daily Paper", "2024-10-22");

        List<String> rows = http.get("/api/export?format=csv&q=" + marker).body().lines()
                .filter(l -> !l.startsWith("#") && !l.startsWith("\"#")).toList();
        String ndjson = http.get("/api/export?format=ndjson&q=" + marker).body();

        assertThat(rows.getFirst()).contains("\"cluster\",\"body\"");
        // Every cell is quoted (CSV injection): "id",...,"cluster",...
        assertThat(rows.stream().filter(r -> r.startsWith("\"" + copy + "\",")).findFirst().orElseThrow())
                .contains(",\"" + original + "\",");
        assertThat(ndjson).contains("\"cluster\":\"" + original + "\"").doesNotContain("\"dup\"");
    }

    @Test
    void shouldListTheCopiesOfAStoryWithWhatDiffers() {
        String marker = "antwerpx" + System.nanoTime();
        String original = post("Port strike halts traffic", story(marker), "Wire Agency", "2024-10-21");
        String copy = post("Ships stranded as dockers strike", reprint(marker), "Daily Paper", "2024-10-22");
        String unrelated = post("Rates unchanged", """
                The central bank in %s left interest rates unchanged on Thursday, saying inflation was slowing \
                faster than expected. Markets had priced in a cut, and the currency rose half a percent after the \
                announcement.""".formatted(marker), "Wire Agency", "2024-10-21");

        JsonNode copies = http.get("/api/articles/" + copy + "/copies").json();

        assertThat(copies.get("total").asLong()).isEqualTo(2);
        assertThat(copies.get("leader").asString()).isEqualTo(original);
        assertThat(ids(copies.get("copies"))).containsExactly(original);
        JsonNode leader = copies.get("copies").get(0);
        assertThat(leader.get("source").asString()).isEqualTo("Wire Agency");
        assertThat(leader.get("title_differs").asBoolean()).isTrue();
        assertThat(leader.get("difference").get("words_added").asInt()).isGreaterThan(20);
        assertThat(leader.get("difference").get("changes").toString()).contains("Antwerp");
        assertThat(http.get("/api/articles/" + unrelated + "/copies").json().get("copies")).isEmpty();
        assertThat(http.get("/api/articles/nosuchid/copies").status()).isEqualTo(404);
    }

    @Test
    void shouldPutTwoCopiesInOneImportBatchIntoOneCluster() throws Exception {
        String marker = "hamburgx" + System.nanoTime();
        String ndjson = """
                {"title": "Port strike halts traffic", "body": %s, "source": "Wire Agency", "published": "2024-10-21"}
                {"title": "Dockers walk out", "body": %s, "source": "Evening Post", "published": "2024-10-22"}
                """.formatted(json(story(marker)), json(reprint(marker)));

        String job = ImportJobs.start(http, "copies.ndjson", "application/x-ndjson",
                ndjson.getBytes(StandardCharsets.UTF_8));
        ImportJobs.awaitCompleted(http, job, Duration.ofSeconds(120));

        JsonNode hits = http.get("/api/search?collapse=false&q=" + marker).json().get("hits");
        assertThat(hits).hasSize(2);
        List<String> clusters = new ArrayList<>();
        for (JsonNode hit : hits) {
            clusters.add(http.get("/api/articles/" + hit.get("id").asString()).json().get("cluster").asString());
        }
        assertThat(clusters.get(0)).isEqualTo(clusters.get(1));
        assertThat(http.get("/api/search?q=" + marker).json().get("hits")).hasSize(1);
    }

    @Test
    void shouldRemoveATakenDownArticleRecordItAndRefuseItUntilLifted() throws Exception {
        String marker = "libelx" + System.nanoTime();
        String body = "A claim about the mayor of " + marker + " that a court found defamatory, repeated in full "
                + "across three paragraphs so that the article is long enough to have a sketch of its own.";
        String id = post("Mayor accused", body, "Wire Agency", "2024-10-21");

        assertThat(http.send("DELETE", "/api/articles/" + id, null, null).status()).isEqualTo(400);
        assertThat(http.as(Role.editor).send("DELETE", "/api/articles/" + id + "?reason=x", null, null).status())
                .isEqualTo(403);
        Http.Response takedown = http.send("DELETE", "/api/articles/" + id + "?reason="
                + Http.encode("court order 2024/17"), null, null);

        assertThat(takedown.status()).as(takedown.body()).isEqualTo(200);
        assertThat(takedown.json().get("removed").asLong()).isEqualTo(1);
        assertThat(http.get("/api/articles/" + id).status()).isEqualTo(404);
        assertThat(http.get("/api/search?q=" + marker).json().get("total").asLong()).isZero();
        JsonNode event = awaitAuditEvent("action=article.takedown", e -> id.equals(e.path("target").asString(null))
                && e.path("status").asInt() == 200);
        assertThat(event.get("detail").asString()).isEqualTo("reason: court order 2024/17");
        assertThat(event.get("user").asString()).isNotBlank();
        assertThat(event.get("at").asString()).isNotBlank();
        JsonNode list = http.get("/api/takedowns").json();
        assertThat(ids(list.get("takedowns"))).contains(id);

        Http.Response again = http.post("/api/articles", "application/json", """
                {"title": "Mayor accused", "body": %s, "source": "Wire Agency", "published": "2024-10-21"}"""
                .formatted(json(body)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("/problems/taken-down");
        assertThat(again.json().get("takedown").asString()).isEqualTo(id);

        String job = ImportJobs.start(http, "again.ndjson", "application/x-ndjson", """
                {"title": "Mayor accused", "body": %s, "source": "Wire Agency", "published": "2024-10-21"}
                """.formatted(json(body)).getBytes(StandardCharsets.UTF_8));
        JsonNode imported = ImportJobs.awaitCompleted(http, job, Duration.ofSeconds(120));
        assertThat(imported.get("indexed").asLong()).isZero();
        assertThat(imported.get("failed").asLong()).isEqualTo(1);
        JsonNode failures = http.get("/api/imports/" + job + "/failures").json().get("failures");
        assertThat(failures.get(0).get("reason").asString()).contains("taken down");
        assertThat(http.get("/api/articles/" + id).status()).isEqualTo(404);

        assertThat(http.send("DELETE", "/api/takedowns/" + id, null, null).status()).isEqualTo(204);
        assertThat(http.send("DELETE", "/api/takedowns/" + id, null, null).status()).isEqualTo(404);
        assertThat(http.post("/api/articles", "application/json", """
                {"title": "Mayor accused", "body": %s, "source": "Wire Agency", "published": "2024-10-21"}"""
                .formatted(json(body))).status()).isEqualTo(201);
    }

    @Test
    void shouldTakeDownEveryArticleOfASourceAndRefuseItsNextOnes() {
        String marker = "gazettex" + System.nanoTime();
        String source = "Gone Gazette " + marker;
        post("First story", story(marker), source, "2024-10-21");
        post("Second story", "Another story from " + marker + " about the harbour, the ships and the dockers, "
                + "long enough to be compared with other articles.", source, "2024-10-22");
        String kept = post("Kept story", "The council of " + marker + " met on Tuesday.", "Other Wire", "2024-10-22");

        Http.Response takedown = http.send("DELETE", "/api/sources/" + Http.encode(source).replace("+", "%20")
                + "?reason="
                + Http.encode("publisher withdrew its licence"), null, null);

        assertThat(takedown.status()).as(takedown.body()).isEqualTo(200);
        assertThat(takedown.json().get("removed").asLong()).isEqualTo(2);
        assertThat(ids(http.get("/api/search?collapse=false&q=" + marker).json().get("hits"))).containsExactly(kept);
        Http.Response next = http.post("/api/articles", "application/json", """
                {"title": "Third story", "body": "Something new from %s.", "source": "%s"}""".formatted(marker,
                source));
        assertThat(next.status()).isEqualTo(409);
        assertThat(next.json().get("detail").asString()).contains(source);
    }

    @Test
    void shouldShowArticlesIndexedBeforeClustersExistedAsSeparateHitsOnceBackfilled() throws Exception {
        String marker = "legacyx" + System.nanoTime();
        for (String id : List.of("legacy-a-" + marker, "legacy-b-" + marker)) {
            client.index(i -> i.index(index.alias()).id(id).refresh(co.elastic.clients.elasticsearch._types.Refresh
                    .WaitFor).document(java.util.Map.of("id", id, "title", "Old story " + id, "body",
                    "An article from before clusters about " + marker + " and " + id)));
        }
        // Elasticsearch's collapse puts every document without a value into one group (checked by hand on 9.5.3);
        // the server's own backfill may already have run at start-up, racing with this test: either way, after it
        // every older article is its own hit.
        backfill.backfill(index.alias());

        JsonNode hits = http.get("/api/search?q=" + marker).json().get("hits");
        assertThat(ids(hits)).containsExactlyInAnyOrder("legacy-a-" + marker, "legacy-b-" + marker);
        for (JsonNode hit : hits) {
            assertThat(hit.get("cluster").asString()).isEqualTo(hit.get("id").asString());
        }
    }

    private JsonNode awaitAuditEvent(String query, Predicate<JsonNode> wanted) throws InterruptedException {
        return AuditEvents.await(http, query, wanted);
    }
}
