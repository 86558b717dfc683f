package org.clipfile.copies;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.clipfile.article.Article;
import org.clipfile.article.ArticleDraft;
import org.clipfile.article.ArticleIds;
import org.clipfile.index.ArticleIndex;
import org.clipfile.ingest.ReutersSgmlReader;
import org.clipfile.search.SearchParameters;
import org.clipfile.search.SearchRequestFactory;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * What collapsing copies and counting stories cost a search, by Elasticsearch's own {@code took}: the shared corpora
 * (BBC, Reuters-21578) and a quarter of them reprinted (as in {@link CopiesEvaluation}), clustered by
 * {@link CopyClusters} and indexed (no entity recognition: the people, groups and places facets are empty), then the
 * same searches as the server sends them ({@link SearchRequestFactory#search}, all facets and the date histogram) in
 * five variants (the fifth: the collapsed request without its inner hit, to attribute the cost), interleaved in a shuffled order in every round: collapse on or off, facets counting articles or
 * stories. Writes {@code target/evaluation/search-cost.md}. A measurement, not a test: it fails only when the searches
 * find nothing. {@code mvn -B -o test -Dtest=SearchCostEvaluation}.
 */
@Tag("evaluation")
@ClipfileIntegrationTest
@TestPropertySource(properties = {"clipfile.index.alias=eval-search-cost"})
class SearchCostEvaluation {
    static final int ROUNDS = Integer.getInteger("clipfile.eval.rounds", 15);
    static final List<String> QUERIES = List.of("", "oil", "bank rate", "trade deficit", "dividend", "wheat",
            "profit", "shares", "dollar", "government", "election", "football", "film", "mobile phone", "strike",
            "prices rose", "merger", "interest rates", "growth", "court");

    @Autowired
    ElasticsearchClient client;

    @Autowired
    ArticleIndex index;

    @Autowired
    CopyClusters clusters;

    /** {@code innerHits} false: the collapsed request without its inner hit, to tell what the inner hit costs. */
    record Variant(String name, boolean collapse, boolean stories, boolean innerHits) {
        Variant(String name, boolean collapse, boolean stories) {
            this(name, collapse, stories, true);
        }
    }

    private co.elastic.clients.elasticsearch.core.SearchRequest request(SearchParameters parameters, Variant variant) {
        var request = SearchRequestFactory.search(index.alias(), parameters, null, variant.collapse());
        if (variant.innerHits()) {
            return request;
        }
        var mapper = new co.elastic.clients.json.jackson.Jackson3JsonpMapper();
        var tree = (tools.jackson.databind.node.ObjectNode) tools.jackson.databind.json.JsonMapper.shared()
                .readTree(co.elastic.clients.json.JsonpUtils.toJsonString(request, mapper));
        ((tools.jackson.databind.node.ObjectNode) tree.get("collapse")).remove("inner_hits");
        String json = tree.toString();
        return co.elastic.clients.elasticsearch.core.SearchRequest.of(b -> b.index(index.alias())
                .withJson(new java.io.StringReader(json)));
    }

    @Test
    void shouldMeasureTheSearchCostOfCollapsingAndOfCountingStories() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CopiesEvaluation.NEWS.resolve("bbc")) && Files.isDirectory(
                CopiesEvaluation.NEWS.resolve("reuters21578")), "the shared corpora are absent (../shared/corpora/news)");
        index.ensureExists();
        long indexed = index.count();
        if (indexed < 20_000) {
            indexed = load();
        }
        List<Variant> variants = List.of(new Variant("collapsed, counting articles (default)", true, false),
                new Variant("collapse=false, counting articles", false, false),
                new Variant("collapsed, count=stories", true, true),
                new Variant("collapse=false, count=stories", false, true),
                new Variant("collapsed without its inner hit (copies not counted)", true, false, false));
        Map<Variant, List<Long>> took = new LinkedHashMap<>();
        variants.forEach(v -> took.put(v, new ArrayList<>()));
        Map<Variant, Long> hitsSeen = new HashMap<>();
        Random random = new Random(7);
        for (int round = -1; round < ROUNDS; round++) {
            for (String q : QUERIES) {
                List<Variant> order = new ArrayList<>(variants);
                Collections.shuffle(order, random);
                for (Variant variant : order) {
                    SearchParameters parameters = new SearchParameters(q, Map.of(), null, null,
                            SearchParameters.Sort.relevance, 1, 20, 10, null, null, null, variant.stories());
                    SearchResponse<Void> response = client.search(request(parameters, variant), Void.class);
                    if (round >= 0) { // round -1 warms up
                        took.get(variant).add(response.took());
                        hitsSeen.merge(variant, (long) response.hits().hits().size(), Long::sum);
                    }
                }
            }
        }
        StringBuilder report = new StringBuilder("# Search cost of collapsing and of counting stories\n\n");
        report.append(indexed).append(" articles; ").append(QUERIES.size()).append(" searches (one blank) x ")
                .append(ROUNDS).append(" rounds per variant, variants interleaved in a shuffled order; page of 20, ")
                .append("all facets and the date histogram. Elasticsearch `took` in ms.\n\n");
        report.append("| variant | mean | median | p90 | total |\n|---|---|---|---|---|\n");
        double base = mean(took.get(variants.get(1)));
        for (Variant variant : variants) {
            List<Long> values = new ArrayList<>(took.get(variant));
            Collections.sort(values);
            report.append("| ").append(variant.name()).append(" | ").append(String.format("%.2f", mean(values)))
                    .append(" | ").append(values.get(values.size() / 2)).append(" | ")
                    .append(values.get((int) (values.size() * 0.9))).append(" | ")
                    .append(values.stream().mapToLong(Long::longValue).sum()).append(" |\n");
        }
        report.append("\nMean relative to collapse=false, counting articles: ");
        for (Variant variant : variants) {
            report.append(variant.name()).append(" ").append(String.format("%.2f", mean(took.get(variant)) / base))
                    .append("; ");
        }
        report.append("\n");
        Files.createDirectories(CopiesEvaluation.OUT);
        Files.writeString(CopiesEvaluation.OUT.resolve("search-cost.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(hitsSeen.values()).allMatch(n -> n > 0);
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    /** The corpora and their generated reprints, clustered in batches of 500 as an import would, then refreshed. */
    private long load() throws IOException {
        List<Article> articles = new ArrayList<>();
        Instant now = Instant.now();
        List<CopiesEvaluation.Doc> corpus = new ArrayList<>(CopiesEvaluation.bbc());
        corpus.addAll(CopiesEvaluation.reuters());
        Map<String, List<String>> topics = reutersTopics();
        List<CopiesEvaluation.Doc> all = new ArrayList<>(corpus);
        all.addAll(CopiesEvaluation.reprints(corpus, CopiesEvaluation.Edit.MODERATE, new Random(20)).docs());
        Collections.shuffle(all, new Random(3));
        for (CopiesEvaluation.Doc doc : all) {
            String original = doc.originalOf();
            List<String> tags = original.startsWith("bbc/") ? List.of(original.split("/")[1])
                    : topics.getOrDefault(original, List.of());
            articles.add(new Article(ArticleIds.idFor("https://eval.example/" + doc.id(), ""), doc.title(),
                    doc.body(), doc.published(), doc.source(), null, null, tags, null, "en", now,
                    ArticleIds.contentHash(doc.title(), doc.body()), null));
        }
        for (int from = 0; from < articles.size(); from += 500) {
            List<Article> batch = clusters.assign(articles.subList(from, Math.min(articles.size(), from + 500)));
            List<String> failures = index.saveAll(batch, false);
            assertThat(failures).isEmpty();
            if (from % 5000 == 0) {
                client.indices().refresh(r -> r.index(index.alias()));
            }
        }
        client.indices().refresh(r -> r.index(index.alias()));
        return index.count();
    }

    /** Reuters TOPICS by story id ("reuters/<NEWID>"), as tags: a facet with about a hundred values. */
    private static Map<String, List<String>> reutersTopics() throws IOException {
        Map<String, List<String>> topics = new HashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(CopiesEvaluation.NEWS.resolve("reuters21578"))) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".sgm")).sorted().toList();
        }
        for (Path file : files) {
            String sgml = Files.readString(file, StandardCharsets.ISO_8859_1);
            ReutersSgmlReader.split(file.getFileName().toString(), sgml, raw -> {
                try {
                    ArticleDraft draft = ReutersSgmlReader.parse(new String(raw.bytes(), StandardCharsets.UTF_8));
                    topics.put("reuters/" + raw.name().substring(raw.name().indexOf("NEWID=") + 6), draft.tags());
                } catch (RuntimeException e) {
                    // no title: not in the corpus either
                }
            });
        }
        return topics;
    }
}
