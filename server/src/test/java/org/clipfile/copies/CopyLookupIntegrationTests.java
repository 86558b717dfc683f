package org.clipfile.copies;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.clipfile.article.Article;
import org.clipfile.article.Sketch;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexProperties;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The batch copy lookup (one search per batch, ranked in memory) finds, article by article, exactly the candidates
 * of the collapsed search per article it replaces, in the same order, on a real Elasticsearch: on generated variants
 * of a few stories spread over many clusters and dates (ties in shared bands, more than five clusters per article,
 * undated documents), and on Reuters-21578 when the shared corpus is present.
 */
class CopyLookupIntegrationTests {
    private static final ElasticsearchClient client = TestElasticsearch.client();
    private static final Instant MONDAY = Instant.parse("2024-10-21T08:00:00Z");

    private static CopyClusters fresh(String alias) throws IOException {
        ArticleIndex index = new ArticleIndex(client, new IndexProperties(alias));
        if (client.indices().exists(e -> e.index(index.indexName())).value()) {
            client.indices().delete(d -> d.index(index.indexName()));
        }
        index.ensureExists();
        return new CopyClusters(index, new CopiesProperties(true, CopiesProperties.CONTAINMENT,
                CopiesProperties.MIN_SIMILARITY, CopiesProperties.WINDOW));
    }

    private static Article article(String id, String body, Instant published) {
        return new Article(id, "Story " + id, body, published, "Wire", null, null, List.of(), null, "en",
                Instant.parse("2024-11-01T00:00:00Z"), "hash-" + id, null);
    }

    private static List<String> words(Random random, int count) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add("w" + Integer.toString(random.nextInt(400), 36));
        }
        return words;
    }

    private static String variant(List<String> base, Random random, int replaced) {
        List<String> words = new ArrayList<>(base);
        for (int i = 0; i < replaced; i++) {
            words.set(random.nextInt(words.size()), "v" + Integer.toString(random.nextInt(5000), 36));
        }
        return String.join(" ", words) + ".";
    }

    /** Each article's candidates as "id@cluster", by both lookups. */
    private static List<List<String>> both(CopyClusters copies, List<Article> probes, int limit,
            List<List<String>> each) throws IOException {
        List<Sketch> sketches = probes.stream().map(a -> Sketch.of(a.body())).toList();
        List<List<CopyClusters.Member>> batch = copies.lookUpBatch(probes, sketches, limit);
        assertThat(batch).as("the batch lookup answered within its limit").isNotNull();
        for (List<CopyClusters.Member> members : copies.lookUpEach(probes, sketches)) {
            each.add(members.stream().map(m -> m.id() + "@" + m.cluster()).toList());
        }
        return batch.stream().map(ms -> ms.stream().map(m -> m.id() + "@" + m.cluster()).toList()).toList();
    }

    @Test
    void shouldFindTheSameCandidatesInTheSameOrderAsOneSearchPerArticle() throws IOException {
        CopyClusters copies = fresh("it-copy-lookup");
        Random random = new Random(16);
        List<List<String>> bases = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            bases.add(words(random, 150));
        }
        int[] edits = {0, 0, 2, 5, 10, 20, 40};
        List<Article> stored = new ArrayList<>();
        for (int b = 0; b < bases.size(); b++) {
            for (int i = 0; i < 42; i++) {
                Instant published = i % 13 == 0 ? null : MONDAY.plus(Duration.ofDays(i % 11 - 5));
                stored.add(article("s" + b + "-" + i, variant(bases.get(b), random, edits[i % edits.length]),
                        published).withCluster("base" + b + "-c" + (i % 9)));
            }
        }
        ArticleIndex index = new ArticleIndex(client, new IndexProperties("it-copy-lookup"));
        assertThat(index.saveAll(stored, true)).isEmpty();

        List<Article> probes = new ArrayList<>();
        for (int b = 0; b < bases.size(); b++) {
            for (int i = 0; i < 20; i++) {
                Instant published = i % 7 == 0 ? null : MONDAY.plus(Duration.ofHours(17L * i - 120));
                probes.add(article("p" + b + "-" + i, variant(bases.get(b), random, edits[i % edits.length]),
                        published));
            }
        }
        probes.add(article("unrelated", String.join(" ", words(new Random(99), 150)), MONDAY));
        probes.add(article("short", "No comment.", MONDAY));

        List<List<String>> each = new ArrayList<>();
        List<List<String>> batch = both(copies, probes, CopyClusters.BATCH_HITS, each);

        assertThat(batch).isEqualTo(each);
        // Not vacuous: most articles have the full five candidates, chosen among more clusters than that.
        assertThat(batch.stream().filter(c -> c.size() == CopyClusters.CANDIDATES).count()).isGreaterThan(60);
        assertThat(batch.get(probes.size() - 2)).isEmpty();
        assertThat(batch.getLast()).isEmpty();
        // A batch matching more documents than the limit is not answered by one search.
        List<Sketch> sketches = probes.stream().map(a -> Sketch.of(a.body())).toList();
        assertThat(copies.lookUpBatch(probes, sketches, 10)).isNull();
    }

    @Test
    void shouldFindTheSameCandidatesAsOneSearchPerArticleOnReuters() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CopiesEvaluation.NEWS.resolve("reuters21578")),
                "the shared corpus is absent (../shared/corpora/news/reuters21578)");
        List<CopiesEvaluation.Doc> docs = CopiesEvaluation.reuters().subList(0, 5_000);
        CopyClusters copies = fresh("it-copy-lookup-reuters");
        ArticleIndex index = new ArticleIndex(client, new IndexProperties("it-copy-lookup-reuters"));
        List<Article> all = docs.stream().map(d -> article(d.id().replace('/', '-'), d.body(), d.published()))
                .toList();
        for (int from = 0; from < 4_000; from += 500) {
            assertThat(index.saveAll(copies.assign(all.subList(from, from + 500)), true)).isEmpty();
        }
        int found = 0;
        // New stories (few of them have a stored copy within three days), then stories sent again (each finds
        // itself, and whatever shares its bands).
        for (int from : new int[] {4_000, 4_500, 2_000}) {
            List<List<String>> each = new ArrayList<>();
            List<List<String>> batch = both(copies, all.subList(from, from + 500), CopyClusters.BATCH_HITS, each);
            assertThat(batch).isEqualTo(each);
            found += (int) batch.stream().filter(c -> !c.isEmpty()).count();
        }
        assertThat(found).as("articles with stored candidates").isGreaterThan(400);
    }
}
