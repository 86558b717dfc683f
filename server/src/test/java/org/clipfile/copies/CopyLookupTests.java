package org.clipfile.copies;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.clipfile.article.Sketch;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** The batch copy lookup without a server: its one request, and its ranking of the documents found per article. */
class CopyLookupTests {
    static final Instant MONDAY = Instant.parse("2024-10-21T08:00:00Z");
    static final Duration WINDOW = Duration.ofDays(3);
    static final String STORY = SketchTests.STORY;
    static final String OTHER = """
            Farmers in the Loire valley began the grape harvest two weeks early after a dry summer, and growers said \
            yields would be lower than last year while the sugar levels of the fruit were unusually high for August.
            Cooperatives hired extra pickers from Spain and Portugal, and several estates started picking at night to \
            keep the grapes cool before they reach the presses, a practice once rare in the region.""";

    private static String json(SearchRequest request) {
        return JsonpUtils.toJsonString(request, new Jackson3JsonpMapper());
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(","));
    }

    @Test
    void shouldAskOnceForEveryBandOfTheBatchWithinTheWindowOfItsEarliestAndLatestArticle() throws Exception {
        Sketch one = Sketch.of(STORY);
        Sketch two = Sketch.of(OTHER);
        Sketch tooShort = Sketch.of("No comment.");
        List<String> bands = new ArrayList<>(one.bands());
        bands.addAll(two.bands());

        SearchRequest request = CopyClusters.batchRequest("articles", List.of(one, tooShort, two),
                java.util.Arrays.asList(MONDAY, Instant.parse("2030-01-01T00:00:00Z"), MONDAY.plus(Duration.ofDays(1))),
                WINDOW, 4001);

        JSONAssert.assertEquals("""
                {"size": 4001, "track_total_hits": false, "sort": [{"_doc": {}}],
                 "_source": {"includes": ["id", "cluster", "published", "dup.signature", "dup.size", "dup.numbers",
                                          "dup.lead", "dup.names", "dup.bands"]},
                 "query": {"bool": {"filter": [
                   {"terms": {"dup.bands": [%s]}},
                   {"bool": {"should": [
                     {"range": {"published": {"gte": "2024-10-18T08:00:00Z", "lte": "2024-10-25T08:00:00Z"}}},
                     {"bool": {"must_not": [{"exists": {"field": "published"}}]}}]}}]}}}""".formatted(quoted(bands)),
                json(request), JSONCompareMode.STRICT);
    }

    @Test
    void shouldNotFilterByDateWhenAnArticleOfTheBatchHasNone() throws Exception {
        SearchRequest request = CopyClusters.batchRequest("articles", List.of(Sketch.of(STORY), Sketch.of(OTHER)),
                java.util.Arrays.asList(MONDAY, null), WINDOW, 10);

        assertThat(json(request)).doesNotContain("published\":{").doesNotContain("range");
    }

    @Test
    void shouldSendNothingWhenNoArticleHasEnoughTextToCompare() {
        assertThat(CopyClusters.batchRequest("articles", List.of(Sketch.of("No comment.")), List.of(MONDAY), WINDOW,
                10)).isNull();
    }

    private static CopyClusters.Candidate candidate(String id, String storedCluster, Set<String> bands,
            Instant published) {
        Sketch sketch = Sketch.of(STORY);
        return new CopyClusters.Candidate(new CopyClusters.Member(id, storedCluster == null ? id : storedCluster,
                sketch.signature(), sketch.size(), sketch.numbers(), sketch.lead(), published), bands, storedCluster);
    }

    private static List<String> ranked(Sketch sketch, Instant published, List<CopyClusters.Candidate> candidates) {
        return CopyClusters.rank(List.of(sketch), java.util.Collections.singletonList(published), candidates, WINDOW)
                .getFirst().stream().map(CopyClusters.Member::id).toList();
    }

    @Test
    void shouldKeepTheBestDocumentOfEachOfTheFiveClustersSharingMostBandsTiesToTheEarlierDocument() {
        Sketch sketch = Sketch.of(STORY);
        List<String> b = sketch.bands();
        List<CopyClusters.Candidate> found = List.of(
                candidate("a1", "A", Set.of(b.get(0)), MONDAY),
                candidate("a2", "A", Set.copyOf(b.subList(0, 5)), MONDAY),
                candidate("a3", "A", Set.copyOf(b.subList(5, 10)), MONDAY),
                candidate("b1", "B", Set.copyOf(b.subList(0, 5)), MONDAY),
                candidate("c1", "C", Set.copyOf(b.subList(0, 3)), MONDAY),
                candidate("d1", "D", Set.copyOf(b.subList(0, 2)), MONDAY),
                candidate("e1", "E", Set.copyOf(b.subList(0, 2)), MONDAY),
                candidate("f1", "F", Set.copyOf(b.subList(0, 2)), MONDAY),
                candidate("g1", "G", Set.of("99-000000000000"), MONDAY));

        // A: a2 (5 bands) before a3 (5 bands, later); B ties with A and comes after it; E and F tie with D, D is first.
        assertThat(ranked(sketch, MONDAY, found)).containsExactly("a2", "b1", "c1", "d1", "e1");
    }

    @Test
    void shouldCountDocumentsWithoutAStoredClusterAsOneClusterAsCollapseDoes() {
        Sketch sketch = Sketch.of(STORY);
        List<String> b = sketch.bands();
        List<CopyClusters.Candidate> found = List.of(
                candidate("x", null, Set.copyOf(b.subList(0, 2)), MONDAY),
                candidate("y", null, Set.copyOf(b.subList(0, 4)), MONDAY),
                candidate("z", "Z", Set.copyOf(b.subList(0, 3)), MONDAY));

        assertThat(ranked(sketch, MONDAY, found)).containsExactly("y", "z");
    }

    @Test
    void shouldLeaveOutDocumentsPublishedOutsideTheArticlesWindowButNotUndatedOnes() {
        Sketch sketch = Sketch.of(STORY);
        Set<String> bands = Set.copyOf(sketch.bands());
        List<CopyClusters.Candidate> found = List.of(
                candidate("edge", "1", bands, MONDAY.plus(WINDOW)),
                candidate("late", "2", bands, MONDAY.plus(WINDOW).plusMillis(1)),
                candidate("early", "3", bands, MONDAY.minus(WINDOW).minusMillis(1)),
                candidate("undated", "4", bands, null));

        assertThat(ranked(sketch, MONDAY, found)).containsExactly("edge", "undated");
        assertThat(ranked(sketch, null, found)).containsExactly("edge", "late", "early", "undated");
    }

    @Test
    void shouldFindNothingForAnArticleTooShortToCompare() {
        Sketch sketch = Sketch.of(STORY);
        List<List<CopyClusters.Member>> found = CopyClusters.rank(List.of(Sketch.of("No comment."), sketch),
                List.of(MONDAY, MONDAY), List.of(candidate("a", "A", Set.copyOf(sketch.bands()), MONDAY)), WINDOW);

        assertThat(found.get(0)).isEmpty();
        assertThat(found.get(1)).extracting(CopyClusters.Member::id).containsExactly("a");
    }
}
