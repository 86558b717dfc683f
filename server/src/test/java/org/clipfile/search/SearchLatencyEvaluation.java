package org.clipfile.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.ChildScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.nodes.stats.NodeStatsMetric;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.clipfile.search.RelevanceEvaluation.Judged;
import org.clipfile.search.RelevanceEvaluation.Story;
import org.clipfile.search.query.QueryTranslator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Clipfile's scoring query costs Elasticsearch, and which of its parts: on {@link RelevanceEvaluation}'s Reuters
 * index and judged queries, a page of 20 hits with each arm (Clipfile's query now; the query as merged for issue 14,
 * rebuilt here, whole and without each of its scoring parts; the query before issue 14, rebuilt from the history of
 * {@code SearchRequestFactory}; raw BM25). Elasticsearch's {@code took}, the arms alternating query by query; then
 * Elasticsearch's process CPU time (node stats) over blocks of all the judged queries, one block per arm and round,
 * the arms in a rotating order. Writes {@code target/evaluation/latency.md}. Not part of the normal test run:
 * {@code mvn -B -o test -Dtest=SearchLatencyEvaluation} (same index options as {@link RelevanceEvaluation};
 * {@code -Dclipfile.eval.latency-parts=true} adds the merged query without each of its parts;
 * {@code -Dclipfile.eval.latency-profile-only=true} writes only the quality of the cheaper forms tried and the
 * profile).
 * The machine is shared: only ratios within a run mean much, and the load average is written beside them.
 */
@Tag("evaluation")
class SearchLatencyEvaluation {
    private static final Logger log = LoggerFactory.getLogger(SearchLatencyEvaluation.class);
    static final int ROUNDS = Integer.getInteger("clipfile.eval.latency-rounds", 15);
    static final int CPU_ROUNDS = Integer.getInteger("clipfile.eval.cpu-rounds", 10);
    /** Each CPU block runs the judged queries this many times (a block of a second or more: 10 ms ticks). */
    static final int CPU_REPEATS = 2;
    static final String INDEX = RelevanceEvaluation.INDEX;
    static final int PROFILE_ROUNDS = Integer.getInteger("clipfile.eval.profile-rounds", 7);

    /**
     * Scoring parts of the query as merged for issue 14 (main at a51b428), to leave out one at a time; and cheaper
     * forms of them, to try.
     */
    enum Part { PROXIMITY, NAME_KEY, ALL_WORDS, SALIENCE, NAME_TEXT }

    enum Form { PROXIMITY_EXACT, PROXIMITY_EXACT_X2, PROXIMITY_EXACT_X3, PROXIMITY_TITLE, PROXIMITY_TITLE_EXACT_BODY,
        KEY_FIELDS_ONLY, NESTED_MATCHES }

    record Arm(String name, Function<Judged, Query> query) {
        SearchRequest request(Judged j) {
            return page(query.apply(j));
        }
    }

    @Test
    void measure() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(RelevanceEvaluation.REUTERS), "Reuters-21578 is not at "
                + RelevanceEvaluation.REUTERS.toAbsolutePath() + ": the evaluation needs ../shared/corpora");
        RelevanceEvaluation relevance = new RelevanceEvaluation();
        ElasticsearchClient client = relevance.client;
        int files = RelevanceEvaluation.files();
        List<Story> stories = relevance.index(RelevanceEvaluation.reutersFiles(files));
        List<Judged> judged = RelevanceEvaluation.judged(stories);

        // The rebuilt merged query is checked against the production query of that commit only while they agree:
        // the count is reported (0 once this branch's query differs).
        long sameAsProduction = judged.stream().filter(j -> json(merged(j, EnumSet.noneOf(Part.class)))
                .equals(json(SearchRequestFactory.query(SearchParameters.of(j.clipfileQuery(), 1, 20))))).count();

        List<Arm> arms = new ArrayList<>();
        arms.add(new Arm("Clipfile now", j -> SearchRequestFactory.query(SearchParameters.of(j.clipfileQuery(), 1,
                20))));
        arms.add(new Arm("issue 14 as merged (main a51b428)", j -> merged(j, EnumSet.noneOf(Part.class))));
        if (Boolean.getBoolean("clipfile.eval.latency-parts")) {
            for (Part part : Part.values()) {
                arms.add(new Arm("merged without " + part.name().toLowerCase(Locale.ROOT),
                        j -> merged(j, EnumSet.of(part))));
            }
        }
        arms.add(new Arm("before issue 14", SearchLatencyEvaluation::beforeIssue14));
        arms.add(new Arm("raw BM25", Judged::baseline));

        if (Boolean.getBoolean("clipfile.eval.latency-profile-only")) {
            String md = quality(relevance, judged) + profile(client, judged);
            log.info("\n{}", md);
            assertThat(md).contains("whole query");
            return;
        }
        String quality = quality(relevance, judged);
        String load = loadAverage();
        // Warm-up: every arm once per query.
        for (Judged j : judged) {
            for (Arm arm : arms) {
                client.search(arm.request(j), Void.class);
            }
        }
        Map<String, Map<String, List<Long>>> took = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int q = 0; q < judged.size(); q++) {
                Judged j = judged.get(q);
                String kind = j.kind().equals("topic") ? "topics" : "scoped";
                for (int a = 0; a < arms.size(); a++) {
                    Arm arm = arms.get((a + q + round) % arms.size());
                    long start = System.nanoTime();
                    long t = client.search(arm.request(j), Void.class).took();
                    long wall = (System.nanoTime() - start) / 1000;
                    took.computeIfAbsent(arm.name(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(kind, k -> new ArrayList<>()).add(t);
                    took.get(arm.name()).computeIfAbsent("all", k -> new ArrayList<>()).add(t);
                    took.get(arm.name()).computeIfAbsent("wall", k -> new ArrayList<>()).add(wall);
                }
            }
        }
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (int round = 0; round < CPU_ROUNDS; round++) {
            for (int a = 0; a < arms.size(); a++) {
                Arm arm = arms.get((a + round) % arms.size());
                long from = cpuMillis(client);
                for (int r = 0; r < CPU_REPEATS; r++) {
                    for (Judged j : judged) {
                        client.search(arm.request(j), Void.class);
                    }
                }
                cpu.merge(arm.name(), cpuMillis(client) - from, Long::sum);
            }
        }
        // Elasticsearch's own time for the query alone (its profile: no fetch, no network), the median of each judged
        // query's rounds: robust to the moments the shared machine takes the node off the CPU.
        Map<String, Map<Judged, List<Long>>> profiled = new LinkedHashMap<>();
        for (int round = 0; round < PROFILE_ROUNDS; round++) {
            for (int q = 0; q < judged.size(); q++) {
                Judged j = judged.get(q);
                for (int a = 0; a < arms.size(); a++) {
                    Arm arm = arms.get((a + q + round) % arms.size());
                    long nanos = queryNanos(client, arm.query().apply(j));
                    profiled.computeIfAbsent(arm.name(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(j, k -> new ArrayList<>()).add(nanos);
                }
            }
        }
        // The node-stats reads themselves, as a block with no search.
        long idleFrom = cpuMillis(client);
        long idle = cpuMillis(client) - idleFrom;
        String loadAfter = loadAverage();

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "# Search latency on Reuters-21578 (%d stories, first %d files, %d judged"
                + " queries)%n%nElasticsearch `took` for a page of 20 hits, %d rounds, arms alternating query by query;"
                + " ES CPU over %d blocks per arm of all judged queries %d times. Load average (1, 5, 15 min)"
                + " before: %s; after: %s. Rebuilt merged query equal to the production query (the same until this"
                + " branch changed it) for %d of %d judged queries. An idle block's CPU: %d ms.%n%n", stories.size(),
                files, judged.size(), ROUNDS, CPU_ROUNDS, CPU_REPEATS, load,
                loadAfter, sameAsProduction, judged.size(), idle));
        md.append("| arm | took mean ms | p50 | p90 | topics mean | scoped mean | round trip mean ms | ES CPU ms per"
                + " search | relative to raw BM25 (took, CPU) |\n|---|---|---|---|---|---|---|---|---|\n");
        double bm25Took = mean(took.get("raw BM25").get("all"));
        double bm25Cpu = cpu.get("raw BM25") / (double) (CPU_ROUNDS * CPU_REPEATS * judged.size());
        for (Arm arm : arms) {
            Map<String, List<Long>> t = took.get(arm.name());
            double perSearch = cpu.get(arm.name()) / (double) (CPU_ROUNDS * CPU_REPEATS * judged.size());
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f, %.2f |%n",
                    arm.name(), mean(t.get("all")), percentile(t.get("all"), 0.5), percentile(t.get("all"), 0.9),
                    mean(t.get("topics")), mean(t.get("scoped")), mean(t.get("wall")) / 1000, perSearch,
                    mean(t.get("all")) / bm25Took,
                    perSearch / bm25Cpu));
        }
        md.append(String.format(Locale.ROOT, "%nElasticsearch's profiled query time (query and rewrite, no fetch), the"
                + " median of %d rounds per judged query, summed (ms):%n%n| arm | all | topics | scoped | relative to raw"
                + " BM25 (all, topics, scoped) |%n|---|---|---|---|---|%n", PROFILE_ROUNDS));
        Map<String, double[]> sums = new LinkedHashMap<>();
        profiled.forEach((arm, perQuery) -> {
            double[] sum = new double[3];
            perQuery.forEach((j, nanos) -> {
                double median = percentile(nanos, 0.5) / 1e6;
                sum[0] += median;
                sum[j.kind().equals("topic") ? 1 : 2] += median;
            });
            sums.put(arm, sum);
        });
        double[] base = sums.get("raw BM25");
        sums.forEach((arm, sum) -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.2f, %.2f, %.2f"
                + " |%n", arm, sum[0], sum[1], sum[2], sum[0] / base[0], sum[1] / base[1], sum[2] / base[2])));
        md.append(quality).append(profile(client, judged));
        Files.createDirectories(RelevanceEvaluation.OUT);
        Files.writeString(RelevanceEvaluation.OUT.resolve("latency.md"), md);
        log.info("\n{}", md);
        assertThat(took).containsKey("raw BM25");
    }

    /** MAP, nDCG@10 and P@10 of the merged query and of its cheaper forms, by kind. */
    private static String quality(RelevanceEvaluation relevance, List<Judged> judged) throws IOException {
        Map<String, Function<Judged, Query>> arms = new LinkedHashMap<>();
        arms.put("Clipfile now", j -> SearchRequestFactory.query(SearchParameters.of(j.clipfileQuery(), 1, 20)));
        arms.put("issue 14 as merged", j -> merged(j, EnumSet.noneOf(Part.class)));
        for (Form form : Form.values()) {
            arms.put("merged, " + form.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    j -> merged(j, EnumSet.noneOf(Part.class), EnumSet.of(form)));
        }
        StringBuilder md = new StringBuilder("\nQuality (the first search only, as the latency arms):\n\n"
                + "| arm | kind | n |"
                + " MAP | nDCG@10 | P@10 |\n|---|---|---|---|---|---|\n");
        for (var arm : arms.entrySet()) {
            Map<String, double[]> sums = new LinkedHashMap<>();
            for (Judged j : judged) {
                String kind = j.kind().equals("topic") ? "topics" : "scoped";
                RelevanceEvaluation.Scores scores = relevance.score(arm.getValue().apply(j), j.relevant());
                double[] sum = sums.computeIfAbsent(kind, k -> new double[4]);
                sum[0]++;
                sum[1] += scores.ap();
                sum[2] += scores.ndcg10();
                sum[3] += scores.p10();
            }
            sums.forEach((kind, sum) -> md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f |%n",
                    arm.getKey(), kind, (int) sum[0], sum[1] / sum[0], sum[2] / sum[0], sum[3] / sum[0])));
        }
        return md.toString();
    }

    /** A first page as {@link SearchRequestFactory#search} asks it: 20 hits, the result fields, exact totals. */
    private static SearchRequest page(Query query) {
        return SearchRequest.of(s -> s.index(INDEX).size(20).trackTotalHits(t -> t.enabled(true))
                .source(src -> src.filter(f -> f.includes(SearchRequestFactory.RESULT_FIELDS))).query(query));
    }

    /**
     * Where the query time of the merged query goes: Elasticsearch's profile of each judged query, the time of each
     * scoring part (the first node of the profile tree that is that part), summed over the judged queries of a kind,
     * beside the whole query's time. Profiling adds its own overhead; the shares are what it is for.
     */
    private static String profile(ElasticsearchClient client, List<Judged> judged) throws IOException {
        return profile(client, judged, "issue 14 as merged", j -> merged(j, EnumSet.noneOf(Part.class)))
                + profile(client, judged, "Clipfile now", j -> SearchRequestFactory.query(SearchParameters.of(
                        j.clipfileQuery(), 1, 20)));
    }

    private static String profile(ElasticsearchClient client, List<Judged> judged, String name,
            Function<Judged, Query> arm) throws IOException {
        Map<String, Map<String, Long>> byKind = new LinkedHashMap<>();
        Map<String, String> samples = new LinkedHashMap<>();
        for (int round = 0; round < 3; round++) {
            for (Judged j : judged) {
                String kind = j.kind().equals("topic") ? "topics" : "scoped";
                var response = client.search(s -> s.index(INDEX).size(20).trackTotalHits(t -> t.enabled(true))
                        .source(src -> src.filter(f -> f.includes(SearchRequestFactory.RESULT_FIELDS)))
                        .profile(true).query(arm.apply(j)), Void.class);
                Map<String, Long> parts = byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>());
                if (round == 2 && !samples.containsKey(kind) && j.clipfileQuery().contains(" ")) {
                    StringBuilder tree = new StringBuilder();
                    response.profile().shards().getFirst().searches().getFirst().query()
                            .forEach(n -> tree(n, 0, tree));
                    samples.put(kind, "`" + j.clipfileQuery() + "`:\n\n```\n" + tree + "```\n");
                }
                for (var shard : response.profile().shards()) {
                    for (var search : shard.searches()) {
                        for (var root : search.query()) {
                            parts.merge("whole query", root.timeInNanos(), Long::sum);
                            attribute(root, parts);
                        }
                        parts.merge("rewrite", search.rewriteTime(), Long::sum);
                    }
                }
            }
        }
        StringBuilder md = new StringBuilder("\nProfile of " + name + " (3 rounds, summed, ms):\n\n| kind | part | ms |"
                + " share of the whole query |\n|---|---|---|---|\n");
        byKind.forEach((kind, parts) -> parts.forEach((part, nanos) -> md.append(String.format(Locale.ROOT,
                "| %s | %s | %.1f | %.2f |%n", kind, part, nanos / 1e6, nanos / (double) parts.get("whole query")))));
        samples.values().forEach(sample -> md.append("\n").append(sample));
        return md.toString();
    }

    private static void tree(co.elastic.clients.elasticsearch.core.search.QueryProfile node, int depth,
            StringBuilder out) {
        String description = node.description();
        out.append("  ".repeat(depth)).append(node.type()).append(' ')
                .append(String.format(Locale.ROOT, "%.3f ms ", node.timeInNanos() / 1e6))
                .append(description, 0, Math.min(160, description.length())).append('\n');
        if (node.children() != null) {
            node.children().forEach(c -> tree(c, depth + 1, out));
        }
    }

    /** Adds a node's time to the part it is, or looks into its children. */
    private static void attribute(co.elastic.clients.elasticsearch.core.search.QueryProfile node,
            Map<String, Long> parts) {
        String type = node.type();
        String description = node.description();
        String part = null;
        if (type.contains("ToParentBlockJoin")
                || type.equals("BoostQuery") && description.startsWith("(ToParentBlockJoinQuery")) {
            part = "salience (nested)";
        } else if (description.contains("\"~3")) {
            part = "proximity (phrase, slop 3)";
        } else if (type.equals("DisjunctionMaxQuery") && description.contains("body:\"")
                && !description.contains("folded")) {
            part = description.contains("names") ? "other" : "a name of several words in the text (phrase)";
        } else if (type.equals("ConstantScoreQuery") && description.contains("names.key")) {
            part = "name key (constant score)";
        } else if (description.contains("^10000")) {
            part = "all_words tier";
        } else if (type.equals("DisjunctionMaxQuery") && description.contains("_names")
                && !description.contains("entity_salience")) {
            part = "name filter";
        } else if (type.equals("DisjunctionMaxQuery") && description.contains("title:")
                && description.contains("body:")) {
            part = "words (cross_fields), a one-word name in the text";
        }
        if (part != null) {
            parts.merge(part, node.timeInNanos(), Long::sum);
            return;
        }
        if (node.children() != null) {
            for (var child : node.children()) {
                attribute(child, parts);
            }
        }
    }

    /** Elasticsearch's profiled time of a query on its shards: the query tree and its rewriting. */
    private static long queryNanos(ElasticsearchClient client, Query query) throws IOException {
        var response = client.search(s -> s.index(INDEX).size(20).trackTotalHits(t -> t.enabled(true))
                .source(src -> src.fetch(false)).profile(true).query(query), Void.class);
        long nanos = 0;
        for (var shard : response.profile().shards()) {
            for (var search : shard.searches()) {
                nanos += search.rewriteTime();
                for (var root : search.query()) {
                    nanos += root.timeInNanos();
                }
            }
        }
        return nanos;
    }

    private static String json(Query query) {
        return JsonpUtils.toJsonString(query, new Jackson3JsonpMapper());
    }

    /** The words of a judged query without its scope: {@code volcker}, {@code "world bank"}, {@code crude oil}. */
    static String words(Judged j) {
        return j.kind().equals("topic") ? j.clipfileQuery() : j.clipfileQuery().substring(j.kind().length() + 1);
    }

    /**
     * Clipfile's query as merged for issue 14 (main at a51b428), for the two forms the judged queries take (plain
     * words; one scoped name), without the given parts.
     */
    static Query merged(Judged j, Set<Part> without) {
        return merged(j, without, EnumSet.noneOf(Form.class));
    }

    static Query merged(Judged j, Set<Part> without, Set<Form> forms) {
        String words = words(j);
        if (!j.kind().equals("topic")) {
            String field = switch (j.kind()) {
                case "person" -> "people_names";
                case "group" -> "groups_names";
                default -> "places_names";
            };
            String name = words.replace("\"", "");
            boolean keyOnly = forms.contains(Form.KEY_FIELDS_ONLY);
            Query match = Query.of(q -> q.multiMatch(m -> m.type(TextQueryType.Phrase)
                    .fields(keyOnly ? List.of(field + ".key") : List.of(field + ".key", field)).query(name)));
            Query inEntity = Query.of(q -> q.multiMatch(m -> m.type(TextQueryType.Phrase)
                    .fields(keyOnly ? List.of("entity_salience.names.key")
                            : List.of("entity_salience.names.key", "entity_salience.names")).query(name)));
            Query salience = Query.of(q -> q.nested(n -> n.path("entity_salience").ignoreUnmapped(true)
                    .scoreMode(ChildScoreMode.Max).boost(10f)
                    .query(inner -> inner.functionScore(f -> f
                            .query(fq -> fq.bool(b -> b.filter(t -> t.term(tt -> tt.field("entity_salience.type")
                                    .value(j.kind()))).filter(inEntity)))
                            .functions(fn -> fn.fieldValueFactor(v -> v.field("entity_salience.value").missing(0.0)))
                            .boostMode(FunctionBoostMode.Replace)))));
            Query nameText = Query.of(q -> q.multiMatch(m -> m.type(TextQueryType.Phrase).fields("title^2", "body")
                    .query(name)));
            List<Query> should = new ArrayList<>();
            if (!without.contains(Part.SALIENCE)) {
                should.add(salience);
            }
            if (!without.contains(Part.NAME_TEXT)) {
                should.add(nameText);
            }
            if (forms.contains(Form.NESTED_MATCHES)) {
                // The nested salience clause finds the articles naming the entity by itself.
                return Query.of(q -> q.bool(b -> b.must(salience).should(nameText)));
            }
            return Query.of(q -> q.bool(b -> b.filter(match).should(should)));
        }
        List<String> typed = Arrays.asList(words.split(" "));
        List<String> content = QueryTranslator.contentWords(typed);
        String text = String.join(" ", content);
        List<String> fields = List.of("title^1.5", "title.folded", "body", "body.folded");
        Query all = Query.of(q -> q.multiMatch(m -> m.type(TextQueryType.CrossFields).fields(fields).query(text)
                .operator(Operator.And)));
        Query parsed;
        if (typed.size() > QueryTranslator.STRICT_WORDS) {
            Query any = Query.of(q -> q.multiMatch(m -> m.type(TextQueryType.CrossFields).fields(fields).query(text)
                    .operator(Operator.Or)));
            parsed = without.contains(Part.ALL_WORDS) ? Query.of(q -> q.bool(b -> b.must(any)))
                    : Query.of(q -> q.bool(b -> b.must(any).should(s -> s.constantScore(c -> c.filter(all)
                            .boost(10_000f).queryName(QueryTranslator.ALL_WORDS)))));
        } else if (typed.size() > 1 && content.size() > 1) {
            List<String> proximityFields = forms.contains(Form.PROXIMITY_TITLE) ? List.of("title^3")
                    : List.of("title^3", "body");
            boolean exact = forms.contains(Form.PROXIMITY_EXACT) || forms.contains(Form.PROXIMITY_EXACT_X2)
                    || forms.contains(Form.PROXIMITY_EXACT_X3);
            float boost = forms.contains(Form.PROXIMITY_EXACT_X2) ? 2f : forms.contains(Form.PROXIMITY_EXACT_X3) ? 3f
                    : 1f;
            Query proximity = forms.contains(Form.PROXIMITY_TITLE_EXACT_BODY)
                    ? Query.of(q -> q.disMax(d -> d
                            .queries(t -> t.matchPhrase(m -> m.field("title").query(text).slop(3).boost(3f)))
                            .queries(b -> b.matchPhrase(m -> m.field("body").query(text)))))
                    : Query.of(q -> q.multiMatch(m -> m.type(TextQueryType.Phrase).fields(proximityFields)
                            .query(text).slop(exact ? 0 : 3).boost(boost)));
            parsed = without.contains(Part.PROXIMITY) ? Query.of(q -> q.bool(b -> b.must(all)))
                    : Query.of(q -> q.bool(b -> b.must(all).should(proximity)));
        } else {
            parsed = all;
        }
        if (without.contains(Part.NAME_KEY)) {
            return parsed;
        }
        return Query.of(q -> q.bool(b -> b.should(parsed)
                .should(s -> s.constantScore(c -> c.boost(1f).filter(f -> f.multiMatch(m -> m.query(words)
                        .type(TextQueryType.Phrase).fields(SearchRequestFactory.NAME_KEY_FIELDS)))))
                .minimumShouldMatch("1")));
    }

    /**
     * The query before issue 14 (main before 89288fc): every word required through {@code cross_fields} over
     * {@code title^3}, {@code title.folded^2}, {@code body}, {@code body.folded}, OR-ed with the whole text as a name
     * (then keyed by the server into the name fields; now the {@code .key} sub-fields key it); a scoped name a phrase
     * on its name field (keys then; the {@code .key} sub-field now), OR-ed with the same name clause of the whole text
     * ({@code person:volcker} as a name).
     */
    static Query beforeIssue14(Judged j) {
        String words = words(j);
        Query parsed;
        if (j.kind().equals("topic")) {
            parsed = Query.of(q -> q.multiMatch(m -> m.type(TextQueryType.CrossFields)
                    .fields("title^3", "title.folded^2", "body", "body.folded").query(words).operator(Operator.And)));
        } else {
            String field = switch (j.kind()) {
                case "person" -> "people_names";
                case "group" -> "groups_names";
                default -> "places_names";
            };
            parsed = Query.of(q -> q.matchPhrase(m -> m.field(field + ".key").query(words.replace("\"", ""))));
        }
        String whole = j.clipfileQuery().replace("\"", "");
        return Query.of(q -> q.bool(b -> b.should(parsed)
                .should(s -> s.multiMatch(m -> m.query(whole).type(TextQueryType.Phrase)
                        .fields(SearchRequestFactory.NAME_KEY_FIELDS)))
                .minimumShouldMatch("1")));
    }

    /**
     * Elasticsearch's CPU time so far (ms): of the evaluation's own node, its processes' (from /proc, 10 ms ticks);
     * of a given cluster, its node stats (refreshed only every second: blocks should be long).
     */
    private static long cpuMillis(ElasticsearchClient client) throws IOException {
        var node = RelevanceEvaluation.ownNode;
        if (node != null) {
            return node.processes().stream().mapToLong(p -> p.info().totalCpuDuration()
                    .map(java.time.Duration::toMillis).orElse(0L)).sum();
        }
        return client.nodes().stats(s -> s.metric(NodeStatsMetric.Process)).nodes().values().stream()
                .mapToLong(n -> n.process().cpu().totalInMillis()).sum();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return String.join(", ", Arrays.asList(fields).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    private static long percentile(List<Long> values, double p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(sorted.size() * p)));
    }
}
