package org.clipfile.copies;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.io.StringReader;
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
import org.clipfile.search.SearchService;
import org.clipfile.search.query.QueryTranslator;
import org.jspecify.annotations.Nullable;
import org.clipfile.testsupport.ClipfileIntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What collapsing copies and counting stories cost a search: the shared corpora (BBC, Reuters-21578) and a quarter of
 * them reprinted (as in {@link CopiesEvaluation}), clustered by {@link CopyClusters} and indexed (no entity
 * recognition: the people, groups and places facets are empty), then the same searches as the server sends them
 * ({@link SearchRequestFactory#search}, all facets and the date histogram) in several variants: collapse on or off,
 * the page's copies counted by the inner hit (as before), by one aggregation request per page (as built), by one
 * {@code _msearch}, or not at all, and facets counting articles or stories (with each {@code execution_hint} of the
 * cardinality). Measures Elasticsearch's {@code took}, the round trips, Elasticsearch's process CPU time (node stats)
 * and the server's own {@code SearchService.search}. Writes {@code target/evaluation/search-cost.md}. A measurement,
 * not a test: it fails only when the searches find nothing or a way of counting copies answers otherwise than the
 * inner hit did. {@code mvn -B -o test -Dtest=SearchCostEvaluation}.
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

    @Autowired
    SearchService search;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private static final JsonpMapper MAPPER = new Jackson3JsonpMapper();

    /** How a variant counts the copies of a collapsed page. */
    enum Copies {
        /** Not collapsed, or collapsed without counting (a lower bound). */
        NONE,
        /** Before (up to 2026-12-07): the collapse's inner hit, one sub-search per hit of the page. */
        INNER_HIT,
        /** Built: one aggregation request per page, {@link SearchRequestFactory#copiesOf}. */
        AGGREGATION,
        /** The same reading the earliest copies' {@code _source}, as the inner hit did, not their doc values. */
        AGGREGATION_SOURCE,
        /** The same with the terms aggregation's default execution (global ordinals of cluster), not "map". */
        AGGREGATION_GLOBAL,
        /** An alternative: one {@code _msearch} per page, a search of 5 hits per cluster. */
        MSEARCH,
        /** To attribute the count's cost, not an answer: the count request without its aggregations. */
        COUNT_WITHOUT_AGGREGATIONS,
        /** To attribute the count's cost, not an answer: the count request with {@code match_all} for the query. */
        COUNT_WITHOUT_QUERY
    }

    /** {@code cardinalityHint}: an {@code execution_hint} put on every story count, or null for the default. */
    record Variant(String name, boolean collapse, boolean stories, Copies copies, @Nullable String cardinalityHint) {
        Variant(String name, boolean collapse, boolean stories, Copies copies) {
            this(name, collapse, stories, copies, null);
        }
    }

    /** One variant's search: Elasticsearch's {@code took} over its requests, their round trips, and its page. */
    record Measured(long took, long nanos, List<Hit<Void>> hits, @Nullable Map<String, Counted> copies,
            long countTook) {}

    /** A page cluster's matching articles and the ids of its earliest few, as the variant counted them. */
    record Counted(long count, List<String> earliest) {}

    private static ObjectNode tree(Object request) {
        return (ObjectNode) JsonMapper.shared().readTree(JsonpUtils.toJsonString(request, MAPPER));
    }

    private SearchRequest rebuilt(ObjectNode tree) {
        String json = tree.toString();
        return SearchRequest.of(b -> b.index(index.alias()).withJson(new StringReader(json)));
    }

    /**
     * The count request of a variant, kept out of the shard request cache: it has no hits, so Elasticsearch caches
     * it, and the same 20 searches repeated would be answered from the cache, which a reader's new search is not.
     */
    private SearchRequest count(SearchParameters parameters, List<String> pageClusters, Copies copies) {
        ObjectNode tree = tree(SearchRequestFactory.copiesOf(index.alias(), parameters, QueryTranslator.STRICT_WORDS,
                pageClusters, false));
        ObjectNode clusters = (ObjectNode) tree.get("aggregations").get("clusters");
        if (copies == Copies.AGGREGATION_GLOBAL) {
            ((ObjectNode) clusters.get("terms")).remove("execution_hint");
        }
        if (copies == Copies.COUNT_WITHOUT_AGGREGATIONS) {
            tree.remove("aggregations");
        }
        if (copies == Copies.COUNT_WITHOUT_QUERY) {
            ((ObjectNode) tree.get("query").get("bool")).set("must", JsonMapper.shared().readTree("""
                    [{"match_all": {}}]"""));
        }
        if (copies == Copies.AGGREGATION_SOURCE) {
            ObjectNode topHits = (ObjectNode) clusters.get("aggregations").get("earliest").get("top_hits");
            topHits.remove("docvalue_fields");
            topHits.set("_source", JsonMapper.shared().readTree("""
                    {"includes": ["id", "source", "published"]}"""));
        }
        String json = tree.toString();
        return SearchRequest.of(b -> b.index(index.alias()).withJson(new StringReader(json)).requestCache(false));
    }

    /** A copy's id, from its doc values or its {@code _source}. */
    private static String idOf(Hit<co.elastic.clients.json.JsonData> hit) {
        var field = hit.fields().get("id");
        return field != null ? field.to(JsonNode.class).get(0).asString()
                : hit.source().to(JsonNode.class).get("id").asString();
    }

    private SearchRequest request(SearchParameters parameters, Variant variant) {
        SearchRequest request = SearchRequestFactory.search(index.alias(), parameters, null, variant.collapse());
        if (variant.copies() != Copies.INNER_HIT && variant.cardinalityHint() == null) {
            return request;
        }
        ObjectNode tree = tree(request);
        if (variant.copies() == Copies.INNER_HIT) {
            // The request as built until 2026-12-07 (SearchRequestFactory.collapseCopies with its inner hit).
            ((ObjectNode) tree.get("collapse")).set("inner_hits", JsonMapper.shared().readTree("""
                    [{"name": "copies", "size": 5, "sort": [{"published": {"order": "asc", "missing": "_last"}}],
                      "_source": {"includes": ["id", "source", "published"]}}]"""));
        }
        if (variant.cardinalityHint() != null) {
            hint(tree, variant.cardinalityHint());
        }
        return rebuilt(tree);
    }

    private static void hint(JsonNode node, String hint) {
        if (node instanceof ObjectNode object) {
            if (object.get("cardinality") instanceof ObjectNode cardinality) {
                cardinality.put("execution_hint", hint);
            }
            object.values().forEach(child -> hint(child, hint));
        } else if (node.isArray()) {
            node.values().forEach(child -> hint(child, hint));
        }
    }

    private Measured run(SearchParameters parameters, Variant variant) throws IOException {
        long started = System.nanoTime();
        SearchResponse<Void> response = client.search(request(parameters, variant), Void.class);
        long took = response.took();
        List<Hit<Void>> hits = response.hits().hits();
        Map<String, Counted> copies = null;
        long countTook = 0;
        List<String> pageClusters = hits.stream().map(SearchCostEvaluation::clusterOf)
                .filter(java.util.Objects::nonNull).distinct().toList();
        switch (variant.copies()) {
            case NONE -> { }
            case INNER_HIT -> {
                copies = new HashMap<>();
                for (Hit<Void> hit : hits) {
                    var inner = hit.innerHits().get("copies").hits();
                    copies.put(clusterOf(hit), new Counted(inner.total().value(), inner.hits().stream()
                            .map(h -> h.source().to(JsonNode.class).get("id").asString()).toList()));
                }
            }
            case AGGREGATION, AGGREGATION_SOURCE, AGGREGATION_GLOBAL -> {
                if (!pageClusters.isEmpty()) {
                    SearchResponse<Void> counted = client.search(count(parameters, pageClusters, variant.copies()),
                            Void.class);
                    took += counted.took();
                    countTook = counted.took();
                    copies = new HashMap<>();
                    for (var bucket : counted.aggregations().get("clusters").sterms().buckets().array()) {
                        copies.put(bucket.key().stringValue(), new Counted(bucket.docCount(), bucket.aggregations()
                                .get("earliest").topHits().hits().hits().stream()
                                .map(SearchCostEvaluation::idOf).toList()));
                    }
                }
            }
            case COUNT_WITHOUT_AGGREGATIONS, COUNT_WITHOUT_QUERY -> {
                if (!pageClusters.isEmpty()) {
                    took += client.search(count(parameters, pageClusters, variant.copies()), Void.class).took();
                }
            }
            case MSEARCH -> {
                if (!pageClusters.isEmpty()) {
                    Query query = SearchRequestFactory.filteredQuery(parameters);
                    var responses = client.msearch(m -> {
                        for (String cluster : pageClusters) {
                            m.searches(i -> i.header(h -> h.index(index.alias())).body(b -> b.size(5)
                                    .trackTotalHits(t -> t.enabled(true))
                                    .query(q -> q.bool(bb -> bb.must(query).filter(f -> f.term(t -> t
                                            .field("cluster").value(cluster)))))
                                    .sort(o -> o.field(f -> f.field("published").order(SortOrder.Asc)
                                            .missing("_last")))
                                    .source(src -> src.filter(f -> f.includes("id", "source", "published")))));
                        }
                        return m;
                    }, JsonNode.class);
                    took += responses.took();
                    copies = new HashMap<>();
                    for (int i = 0; i < pageClusters.size(); i++) {
                        var item = responses.responses().get(i).result().hits();
                        copies.put(pageClusters.get(i), new Counted(item.total().value(), item.hits().stream()
                                .map(h -> h.source().get("id").asString()).toList()));
                    }
                }
            }
        }
        return new Measured(took, System.nanoTime() - started, hits, copies, countTook);
    }

    private static @Nullable String clusterOf(Hit<Void> hit) {
        var field = hit.fields().get("cluster");
        return field == null ? null : field.to(JsonNode.class).get(0).asString();
    }

    private static SearchParameters parameters(String q, boolean stories) {
        return new SearchParameters(q, Map.of(), null, null, SearchParameters.Sort.relevance, 1, 20, 10, null, null,
                null, stories);
    }

    /** Waits (up to two minutes) for the merges after loading, which would weigh on whichever variant runs then. */
    private void awaitNoMerges() throws IOException, InterruptedException {
        for (int i = 0; i < 120; i++) {
            var merges = client.indices().stats(s -> s.index(index.alias())).all().total().merges();
            if (merges == null || merges.current() == 0) {
                return;
            }
            Thread.sleep(1000);
        }
    }

    /** The Elasticsearch process's CPU time so far (ms), from its node stats. */
    private long elasticsearchCpuMillis() throws IOException {
        return client.nodes().stats(s -> s.metric(co.elastic.clients.elasticsearch.nodes.stats.NodeStatsMetric.Process)).nodes().values().stream()
                .mapToLong(n -> n.process().cpu().totalInMillis()).sum();
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
        Variant plain = new Variant("`collapse=false`, counting articles", false, false, Copies.NONE);
        Variant before = new Variant("collapsed with the inner hit (before)", true, false, Copies.INNER_HIT);
        Variant after = new Variant("collapsed + one aggregation request per page (built)", true, false,
                Copies.AGGREGATION);
        Variant global = new Variant("... its terms aggregation with global ordinals (default hint)", true, false,
                Copies.AGGREGATION_GLOBAL);
        List<Variant> variants = List.of(plain, before, after,
                new Variant("... reading the copies' `_source` (not doc values)", true, false,
                        Copies.AGGREGATION_SOURCE),
                global,
                new Variant("collapsed + one `_msearch` per page (5 hits per cluster)", true, false, Copies.MSEARCH),
                new Variant("collapsed, copies not counted (lower bound)", true, false, Copies.NONE),
                new Variant("collapsed + the count request without its aggregations (attribution)", true, false,
                        Copies.COUNT_WITHOUT_AGGREGATIONS),
                new Variant("collapsed + the count request with `match_all` for the query (attribution)", true,
                        false, Copies.COUNT_WITHOUT_QUERY),
                new Variant("`collapse=false`, `count=stories`", false, true, Copies.NONE),
                new Variant("`collapse=false`, `count=stories`, cardinality `execution_hint: segment_ordinals`",
                        false, true, Copies.NONE, "segment_ordinals"),
                new Variant("collapsed (built), `count=stories`", true, true, Copies.AGGREGATION));
        awaitNoMerges();
        Map<Variant, List<Long>> took = new LinkedHashMap<>();
        Map<Variant, List<Long>> nanos = new LinkedHashMap<>();
        variants.forEach(v -> {
            took.put(v, new ArrayList<>());
            nanos.put(v, new ArrayList<>());
        });
        Map<Variant, Long> hitsSeen = new HashMap<>();
        Random random = new Random(7);
        // 1. Per search, the variants in a shuffled order: took and round trips. The warm-up round also checks
        // that every way of counting gives the inner hit's answer (count and earliest copies) for every hit.
        int compared = 0;
        List<String> differences = new ArrayList<>();
        for (int round = -1; round < ROUNDS; round++) {
            for (String q : QUERIES) {
                List<Variant> order = new ArrayList<>(variants);
                Collections.shuffle(order, random);
                Map<Variant, Measured> results = new HashMap<>();
                for (Variant variant : order) {
                    Measured measured = run(parameters(q, variant.stories()), variant);
                    results.put(variant, measured);
                    if (round >= 0) { // round -1 warms up
                        took.get(variant).add(measured.took());
                        nanos.get(variant).add(measured.nanos());
                        hitsSeen.merge(variant, (long) measured.hits().size(), Long::sum);
                    }
                }
                if (round == -1) {
                    Map<String, Counted> truth = results.get(before).copies();
                    for (Variant variant : variants) {
                        Map<String, Counted> counted = results.get(variant).copies();
                        if (counted == null || variant == before) {
                            continue;
                        }
                        for (Map.Entry<String, Counted> expected : truth.entrySet()) {
                            compared++;
                            if (!expected.getValue().equals(counted.get(expected.getKey()))) {
                                differences.add(variant.name() + " '" + q + "' " + expected.getKey() + ": "
                                        + expected.getValue() + " vs " + counted.get(expected.getKey()));
                            }
                        }
                    }
                }
            }
        }
        // 2. Elasticsearch's CPU time per variant: blocks of the 20 searches, the blocks in a shuffled order.
        Map<Variant, Long> cpu = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<Variant> order = new ArrayList<>(variants);
            Collections.shuffle(order, random);
            for (Variant variant : order) {
                long from = elasticsearchCpuMillis();
                for (String q : QUERIES) {
                    run(parameters(q, variant.stories()), variant);
                }
                cpu.merge(variant, elasticsearchCpuMillis() - from, Long::sum);
            }
        }
        // 3. The server's own search (SearchService: requests, parsing, facets), collapsed or not, interleaved.
        Map<Boolean, List<Long>> server = new LinkedHashMap<>(Map.of(true, new ArrayList<>(), false,
                new ArrayList<>()));
        for (int round = -1; round < ROUNDS; round++) {
            for (String q : QUERIES) {
                List<Boolean> order = new ArrayList<>(List.of(true, false));
                Collections.shuffle(order, random);
                for (boolean collapse : order) {
                    // The collapsed search's count has no hits: out of the request cache, as in 1.
                    client.indices().clearCache(c -> c.index(index.alias()).request(true));
                    long started = System.nanoTime();
                    search.search(parameters(q, false), null, "evaluation", collapse);
                    if (round >= 0) {
                        server.get(collapse).add(System.nanoTime() - started);
                    }
                }
            }
        }
        // 5. Over HTTP, as a reader's page asks: GET /api/search collapsed or not, interleaved, request cache cleared.
        org.clipfile.testsupport.Http http = new org.clipfile.testsupport.Http(port);
        Map<Boolean, List<Long>> overHttp = new LinkedHashMap<>(Map.of(true, new ArrayList<>(), false,
                new ArrayList<>()));
        for (int round = -1; round < ROUNDS; round++) {
            for (String q : QUERIES) {
                List<Boolean> order = new ArrayList<>(List.of(true, false));
                Collections.shuffle(order, random);
                for (boolean collapse : order) {
                    client.indices().clearCache(c -> c.index(index.alias()).request(true));
                    long started = System.nanoTime();
                    var response = http.get("/api/search?collapse=" + collapse + "&q="
                            + org.clipfile.testsupport.Http.encode(q));
                    long elapsed = System.nanoTime() - started;
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                    if (round >= 0) {
                        overHttp.get(collapse).add(elapsed);
                    }
                }
            }
        }
        // 4. Right after a refresh that brings a new segment (an import refreshes every 30 s): the count's terms
        // aggregation with global ordinals of cluster (rebuilt after each refresh) against execution_hint map.
        Map<Copies, List<Long>> afterRefresh = new LinkedHashMap<>();
        afterRefresh.put(Copies.AGGREGATION, new ArrayList<>());
        afterRefresh.put(Copies.AGGREGATION_GLOBAL, new ArrayList<>());
        Variant[] counting = {after, global};
        for (int round = 0; round < 2 * ROUNDS; round++) {
            Variant variant = counting[round % 2];
            String probe = "refresh-probe-" + round;
            client.index(i -> i.index(index.alias()).id(probe).document(Map.of("id", probe, "title", "Probe",
                    "body", "A probe " + probe, "cluster", probe, "published", "2000-01-01T00:00:00Z")));
            client.indices().refresh(r -> r.index(index.alias()));
            afterRefresh.get(variant.copies()).add(run(parameters("oil", false), variant).countTook());
        }
        StringBuilder report = new StringBuilder("# Search cost of collapsing and of counting stories\n\n");
        report.append(indexed).append(" articles; ").append(QUERIES.size()).append(" searches (one blank) x ")
                .append(ROUNDS).append(" rounds per variant; page of 20, all facets and the date histogram.\n\n")
                .append("Same answer as the inner hit (matching copies and the 5 earliest ids of every hit's ")
                .append("cluster, warm-up round): ").append(compared - differences.size()).append(" of ")
                .append(compared).append(" comparisons.\n\n");
        report.append("1. Elasticsearch `took` (ms, summed over a variant's requests) and the round trips as the ")
                .append("server's client sees them (ms), per search, variants interleaved in a shuffled order; ")
                .append("2. Elasticsearch's process CPU time (node stats) over blocks of the 20 searches, blocks ")
                .append("interleaved; ratios to `collapse=false`, counting articles.\n\n");
        report.append("| variant | took mean | median | p90 | relative | round trip mean | p90 | relative | ")
                .append("ES CPU ms | relative |\n|---|---|---|---|---|---|---|---|---|---|\n");
        double baseTook = mean(took.get(plain));
        double baseNanos = mean(nanos.get(plain));
        double baseCpu = cpu.get(plain);
        for (Variant variant : variants) {
            List<Long> values = sorted(took.get(variant));
            List<Long> trips = sorted(nanos.get(variant));
            report.append("| ").append(variant.name()).append(" | ").append(format(mean(values))).append(" | ")
                    .append(values.get(values.size() / 2)).append(" | ").append(values.get((int) (values.size() * 0.9)))
                    .append(" | ").append(format(mean(values) / baseTook)).append(" | ")
                    .append(format(mean(trips) / 1e6)).append(" | ")
                    .append(format(trips.get((int) (trips.size() * 0.9)) / 1e6)).append(" | ")
                    .append(format(mean(trips) / baseNanos)).append(" | ").append(cpu.get(variant)).append(" | ")
                    .append(format(cpu.get(variant) / baseCpu)).append(" |\n");
        }
        report.append("\n3. The server's search (`SearchService.search`: its requests, parsing, facets), ms, ")
                .append("interleaved:\n\n| search | mean | median | p90 | relative |\n|---|---|---|---|---|\n");
        double baseServer = mean(server.get(false));
        for (boolean collapse : List.of(false, true)) {
            List<Long> values = sorted(server.get(collapse));
            report.append("| ").append(collapse ? "collapsed (built)" : "`collapse=false`").append(" | ")
                    .append(format(mean(values) / 1e6)).append(" | ").append(format(values.get(values.size() / 2)
                            / 1e6)).append(" | ").append(format(values.get((int) (values.size() * 0.9)) / 1e6))
                    .append(" | ").append(format(mean(values) / baseServer)).append(" |\n");
        }
        report.append("\n5. `GET /api/search?q=...&collapse=` over HTTP (the whole server: security, search, JSON), ms, ")
                .append("interleaved:\n\n| search | mean | median | p90 | relative |\n|---|---|---|---|---|\n");
        double baseHttp = mean(overHttp.get(false));
        for (boolean collapse : List.of(false, true)) {
            List<Long> values = sorted(overHttp.get(collapse));
            report.append("| ").append(collapse ? "collapsed (built)" : "`collapse=false`").append(" | ")
                    .append(format(mean(values) / 1e6)).append(" | ").append(format(values.get(values.size() / 2)
                            / 1e6)).append(" | ").append(format(values.get((int) (values.size() * 0.9)) / 1e6))
                    .append(" | ").append(format(mean(values) / baseHttp)).append(" |\n");
        }
        report.append("\n4. The count request alone right after a refresh bringing a new segment (`oil`, ")
                .append(ROUNDS).append(" each, alternating), Elasticsearch `took` ms:\n\n")
                .append("| terms aggregation on cluster | mean | max |\n|---|---|---|\n");
        afterRefresh.forEach((copies, values) -> report.append("| ").append(copies == Copies.AGGREGATION
                ? "`execution_hint: map` (built)" : "default (global ordinals)").append(" | ").append(format(mean(values)))
                .append(" | ").append(sorted(values).getLast()).append(" |\n"));
        if (!differences.isEmpty()) {
            report.append("\nDifferences:\n");
            differences.stream().limit(20).forEach(d -> report.append("- ").append(d).append('\n'));
        }
        Files.createDirectories(CopiesEvaluation.OUT);
        Files.writeString(CopiesEvaluation.OUT.resolve("search-cost.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(hitsSeen.values()).allMatch(n -> n > 0);
        assertThat(compared).isGreaterThan(100);
        assertThat(differences).isEmpty();
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
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
