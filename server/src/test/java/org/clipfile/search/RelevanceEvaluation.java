package org.clipfile.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clipfile.index.ArticleDocument;
import org.clipfile.article.Article;
import org.clipfile.article.ArticleDraft;
import org.clipfile.enrich.Enricher;
import org.clipfile.index.IndexDefinition;
import org.clipfile.ingest.InvalidArticleException;
import org.clipfile.ingest.ReutersSgmlReader;
import org.clipfile.localnode.LocalElasticsearch;
import org.clipfile.search.query.JournalistQuery;
import org.clipfile.search.query.QueryLimits;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relevance of Clipfile's search against raw BM25 on the same index in the same run, on Reuters-21578 (development
 * data): MAP, nDCG@10 and P@10. Writes {@code target/evaluation/relevance.md} and {@code relevance.json}. Not part of
 * the normal test run (the class name matches none of Surefire's patterns): {@code mvn test
 * -Dtest=RelevanceEvaluation} (it starts the test Elasticsearch; {@code -Dclipfile.eval.reuters-files=N} indexes
 * the first N of the 22 files, 3 by default; the enriched index is kept and reused while its size matches).
 *
 * <ul>
 *   <li><b>Topics</b>: each TOPICS category with at least {@link #MIN_RELEVANT} stories is a judged query; the query
 *       is the category's words (its name in Lewis's {@code cat-descriptions} file, else its code, hyphens as
 *       spaces), the tagged stories are relevant. Clipfile's query ({@link SearchRequestFactory#query}) against a
 *       plain {@code multi_match} (best fields, OR) on title and body.
 *   <li><b>Scoped</b>: each person, organisation and place of PEOPLE, ORGS and PLACES with at least
 *       {@link #MIN_RELEVANT} stories: {@code person:volcker}, {@code group:opec}, {@code place:iran} against the
 *       plain word (a phrase for multi-word names) through BM25 on title and body; the tagged stories are relevant.
 * </ul>
 */
@Tag("evaluation")
class RelevanceEvaluation {
    private static final Logger log = LoggerFactory.getLogger(RelevanceEvaluation.class);
    static final Path REUTERS = Path.of("..", "shared", "corpora", "news", "reuters21578");
    static final Path OUT = Path.of("target", "evaluation");
    static final String INDEX = "eval-relevance-reuters";
    static final int MIN_RELEVANT = 5;
    /** Hits looked at per query for average precision. */
    static final int DEPTH = 1000;
    private static final Pattern STORY = Pattern.compile("<REUTERS\\b[^>]*>.*?</REUTERS>", Pattern.DOTALL);
    private static final Pattern DESCRIPTION = Pattern.compile("^(.+?) \\(([A-Z0-9-]+)\\)\\s*$");
    /** The words a journalist would type for the ORGS and PLACES codes (as the shared eval tool does). */
    static final Map<String, String> ORG_WORDS = Map.of("opec", "opec", "ec", "\"european community\"", "imf", "imf",
            "gatt", "gatt", "worldbank", "\"world bank\"", "oecd", "oecd", "fao", "fao",
            "adb-asia", "\"asian development bank\"");
    static final Map<String, String> PLACE_WORDS = Map.ofEntries(Map.entry("iran", "iran"),
            Map.entry("iraq", "iraq"), Map.entry("japan", "japan"), Map.entry("brazil", "brazil"),
            Map.entry("uk", "britain"), Map.entry("west-germany", "germany"), Map.entry("ussr", "soviet"),
            Map.entry("china", "china"), Map.entry("france", "france"), Map.entry("canada", "canada"),
            Map.entry("saudi-arabia", "saudi"), Map.entry("kuwait", "kuwait"), Map.entry("egypt", "egypt"),
            Map.entry("ecuador", "ecuador"), Map.entry("philippines", "philippines"),
            Map.entry("indonesia", "indonesia"), Map.entry("mexico", "mexico"), Map.entry("argentina", "argentina"),
            Map.entry("south-africa", "\"south africa\""), Map.entry("israel", "israel"),
            Map.entry("turkey", "turkey"), Map.entry("australia", "australia"), Map.entry("taiwan", "taiwan"),
            Map.entry("italy", "italy"), Map.entry("netherlands", "netherlands"), Map.entry("belgium", "belgium"),
            Map.entry("switzerland", "switzerland"), Map.entry("india", "india"), Map.entry("spain", "spain"),
            Map.entry("south-korea", "korea"), Map.entry("venezuela", "venezuela"), Map.entry("nigeria", "nigeria"));

    final ElasticsearchClient client = client();

    /**
     * The test Elasticsearch when one is given ({@code clipfile.test.elasticsearch-uri}); else a node of its own whose
     * data stays in {@code target/evaluation/elasticsearch}, so a second run reuses the enriched index.
     */
    /** The node this evaluation started (null when it uses a given cluster): its processes' CPU time is read. */
    static volatile @org.jspecify.annotations.Nullable LocalElasticsearch ownNode;

    static ElasticsearchClient client() {
        String external = System.getProperty("clipfile.test.elasticsearch-uri",
                System.getenv("CLIPFILE_TEST_ELASTICSEARCH_URI"));
        if (external != null && !external.isBlank()) {
            return TestElasticsearch.client();
        }
        try {
            Path dir = OUT.resolve("elasticsearch").toAbsolutePath();
            Files.createDirectories(dir);
            LocalElasticsearch node = new LocalElasticsearch(TestElasticsearch.settings(dir,
                    ProcessHandle.current().pid()));
            ownNode = node;
            node.start();
            Runtime.getRuntime().addShutdownHook(new Thread(node::close, "evaluation-elasticsearch-stop"));
            node.awaitReady();
            Rest5Client rest = Rest5Client.builder(node.httpUri()).build();
            return new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How many of Reuters' 22 files the evaluations index ({@code -Dclipfile.eval.reuters-files}, 3 by default). */
    static int files() {
        return Integer.getInteger("clipfile.eval.reuters-files", 3);
    }

    static List<String> reutersFiles(int files) throws IOException {
        List<String> sgml = new ArrayList<>();
        for (int i = 0; i < files && i < 22; i++) {
            sgml.add(Files.readString(REUTERS.resolve("reut2-%03d.sgm".formatted(i)), StandardCharsets.ISO_8859_1));
        }
        return sgml;
    }

    /** One story: its id (NEWID) and editors' tags, prefixed by kind ({@code topic:}, {@code person:}...). */
    record Story(String id, Set<String> tags) {}

    /** One judged query, the text of each arm, and the relevant story ids. */
    record Judged(String kind, String tag, String clipfileQuery, Query before, Query baseline, Set<String> relevant) {}

    /** @param took Elasticsearch's own time for the search, in milliseconds (the machine is shared: indicative) */
    record Scores(double ap, double ndcg10, double p10, int hits, long took) {}

    static final List<String> ARMS = List.of("Clipfile", "before (every word; names by name field)", "raw BM25",
            "Clipfile relaxing from 1 word");

    @Test
    void evaluate() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(REUTERS), "Reuters-21578 is not at " + REUTERS.toAbsolutePath()
                + ": the evaluation needs ../shared/corpora");
        int files = files();
        List<String> sgml = reutersFiles(files);
        List<Story> stories = index(sgml);
        List<Judged> judged = judged(stories);

        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        int emptyWhileBaselineFinds = 0;
        for (int round = 0; round < 2; round++) {
            rows.clear();
            emptyWhileBaselineFinds = 0;
            // The first round warms the caches up; the second is reported.
            for (Judged j : judged) {
                Query ours = SearchRequestFactory.query(SearchParameters.of(j.clipfileQuery(), 1, 20));
                Scores clipfile = score(ours, j.relevant());
                if (clipfile.hits() == 0 && SearchService.shortQueryCanRelax(SearchParameters.of(j.clipfileQuery(), 1,
                        20))) {
                    // As the service does: a short query that no article has whole, relaxed.
                    Scores strict = clipfile;
                    Scores relaxed = score(SearchRequestFactory.query(SearchParameters.of(j.clipfileQuery(), 1, 20),
                            1), j.relevant());
                    clipfile = new Scores(relaxed.ap(), relaxed.ndcg10(), relaxed.p10(), relaxed.hits(),
                            strict.took() + relaxed.took());
                }
                Scores before = score(j.before(), j.relevant());
                Scores bm25 = score(j.baseline(), j.relevant());
                if (clipfile.hits() == 0 && bm25.hits() > 0) {
                    emptyWhileBaselineFinds++;
                }
                Query relaxedAll = SearchRequestFactory.withNameKeys(JournalistQuery.parse(j.clipfileQuery(),
                        QueryLimits.DEFAULT, java.util.function.UnaryOperator.identity(), 1)).query();
                Scores relaxed = score(relaxedAll, j.relevant());
                rows.computeIfAbsent(j.kind(), k -> new ArrayList<>())
                        .add(new Object[] {j, clipfile, before, bm25, relaxed});
            }
        }
        String latency = latency(judged);
        write(stories.size(), files, rows, emptyWhileBaselineFinds, latency);
        assertThat(judged).isNotEmpty();
    }

    /** The judged queries of these stories: each tag with at least {@link #MIN_RELEVANT} stories that has words. */
    static List<Judged> judged(List<Story> stories) throws IOException {
        Map<String, String> descriptions = topicDescriptions();

        List<Judged> judged = new ArrayList<>();
        Map<String, Set<String>> byTag = new TreeMap<>();
        for (Story story : stories) {
            story.tags().forEach(t -> byTag.computeIfAbsent(t, k -> new HashSet<>()).add(story.id()));
        }
        for (Map.Entry<String, Set<String>> entry : byTag.entrySet()) {
            if (entry.getValue().size() < MIN_RELEVANT) {
                continue;
            }
            String kind = entry.getKey().substring(0, entry.getKey().indexOf(':'));
            String tag = entry.getKey().substring(kind.length() + 1);
            String words = switch (kind) {
                case "topic" -> descriptions.getOrDefault(tag, tag.replace('-', ' '));
                case "person" -> tag.substring(tag.lastIndexOf('-') + 1);
                case "group" -> ORG_WORDS.get(tag);
                case "place" -> PLACE_WORDS.get(tag);
                default -> null;
            };
            if (words == null) {
                continue;
            }
            String clipfile = kind.equals("topic") ? words : kind + ":" + words;
            String plain = words.replace("\"", "");
            Query baseline = kind.equals("topic")
                    ? Query.of(q -> q.multiMatch(m -> m.query(plain).fields("title", "body")))
                    : Query.of(q -> q.multiMatch(m -> m.query(plain).fields("title", "body")
                            .type(co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType.Phrase)));
            judged.add(new Judged(kind, tag, clipfile, before(kind, words), baseline, entry.getValue()));
        }
        return judged;
    }

    /**
     * Elasticsearch's time ({@code took}) for a page of 20 hits with Clipfile's query, with the query as it was
     * before and with raw BM25, five times each per judged query, alternating; the machine is shared, so only the
     * ratios mean much.
     */
    private String latency(List<Judged> judged) throws IOException {
        List<Long> ours = new ArrayList<>();
        List<Long> before = new ArrayList<>();
        List<Long> bm25 = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (Judged j : judged) {
                Query clipfile = SearchRequestFactory.query(SearchParameters.of(j.clipfileQuery(), 1, 20));
                ours.add(client.search(s -> s.index(INDEX).size(20).query(clipfile), Void.class).took());
                before.add(client.search(s -> s.index(INDEX).size(20).query(j.before()), Void.class).took());
                bm25.add(client.search(s -> s.index(INDEX).size(20).query(j.baseline()), Void.class).took());
            }
        }
        return String.format(Locale.ROOT, "Elasticsearch time for 20 hits (%d searches each, ms): Clipfile mean %.2f,"
                + " p90 %d; before mean %.2f, p90 %d; raw BM25 mean %.2f, p90 %d%n", ours.size(), mean(ours),
                p90(ours), mean(before), p90(before), mean(bm25), p90(bm25));
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    private static long p90(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(sorted.size() * 0.9)));
    }

    Scores score(Query query, Set<String> relevant) throws IOException {
        var response = client.search(s -> s.index(INDEX).size(DEPTH).source(src -> src.filter(f -> f.includes("url")))
                .query(query), Map.class);
        List<String> ids = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            String url = String.valueOf(hit.source().get("url"));
            ids.add(url.substring(url.lastIndexOf(':') + 1));
        }
        double sum = 0;
        int found = 0;
        double dcg = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (relevant.contains(ids.get(i))) {
                found++;
                sum += (double) found / (i + 1);
                if (i < 10) {
                    dcg += 1 / (Math.log(i + 2) / Math.log(2));
                }
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(10, relevant.size()); i++) {
            ideal += 1 / (Math.log(i + 2) / Math.log(2));
        }
        long top10 = ids.stream().limit(10).filter(relevant::contains).count();
        return new Scores(sum / relevant.size(), dcg / ideal, top10 / 10.0, ids.size(), response.took());
    }

    /**
     * The query as Clipfile translated it before issue 14: every word required (what an explicit AND gives now, plus
     * the name-key alternative), and a scoped name as a phrase on the name field alone.
     */
    static Query before(String kind, String words) {
        if (kind.equals("topic")) {
            return SearchRequestFactory.query(SearchParameters.of(String.join(" AND ", words.split(" ")), 1, 20));
        }
        String field = switch (kind) {
            case "person" -> "people_names";
            case "group" -> "groups_names";
            default -> "places_names";
        };
        // BM25 on the name field alone, as written (the keys are no longer in that field; their sub-field has no
        // norms, so it would not rank as the name field did).
        String name = words.replace("\"", "");
        return Query.of(q -> q.matchPhrase(m -> m.field(field).query(name)));
    }

    /** The mapping version of the evaluation's index (an index of an older mapping is not reused). */
    private int mappingVersion() throws java.io.IOException {
        var meta = client.indices().getMapping(m -> m.index(INDEX)).mappings().values().iterator().next().mappings()
                .meta();
        return meta == null || meta.get("version") == null ? 0 : meta.get("version").to(Integer.class);
    }

    /**
     * Indexes the stories with their enrichment (or reuses the index when it holds as many, with the current
     * mapping); returns their tags.
     */
    List<Story> index(List<String> files) throws Exception {
        List<String> raw = new ArrayList<>();
        for (String sgml : files) {
            Matcher m = STORY.matcher(sgml);
            while (m.find()) {
                raw.add(m.group());
            }
        }
        List<Story> stories = new ArrayList<>();
        List<ArticleDraft> drafts = new ArrayList<>();
        for (String story : raw) {
            ArticleDraft draft;
            try {
                draft = ReutersSgmlReader.parse(story);
            } catch (InvalidArticleException e) {
                continue;
            }
            ReutersSgmlReader.Labels labels = ReutersSgmlReader.labels(story);
            Set<String> tags = new HashSet<>();
            draft.tags().forEach(t -> tags.add("topic:" + t));
            labels.people().forEach(t -> tags.add("person:" + t));
            labels.orgs().forEach(t -> tags.add("group:" + t));
            labels.places().forEach(t -> tags.add("place:" + t));
            String url = draft.url();
            stories.add(new Story(url.substring(url.lastIndexOf(':') + 1), tags));
            drafts.add(draft);
        }
        boolean exists = client.indices().exists(e -> e.index(INDEX)).value();
        if (exists && client.count(c -> c.index(INDEX)).count() == drafts.size() && mappingVersion() == IndexDefinition
                .articles().version()) {
            log.info("Reusing {} with {} stories", INDEX, drafts.size());
            return stories;
        }
        if (exists) {
            client.indices().delete(d -> d.index(INDEX));
        }
        client.indices().create(c -> c.index(INDEX).withJson(new StringReader(IndexDefinition.articles().json())));
        long start = System.nanoTime();
        Enricher enricher = new Enricher();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Article>> prepared = new ArrayList<>();
            for (ArticleDraft draft : drafts) {
                prepared.add(pool.submit(() -> {
                    Article article = draft.toArticle(java.time.Instant.now());
                    return article.withEntities(enricher.enrich(article.title(), article.body()));
                }));
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            int pending = 0;
            for (Future<Article> future : prepared) {
                Article article = future.get();
                bulk.operations(o -> o.index(i -> i.index(INDEX).id(article.id())
                        .document(ArticleDocument.of(article))));
                if (++pending == 500) {
                    check(client.bulk(bulk.build()));
                    bulk = new BulkRequest.Builder();
                    pending = 0;
                }
            }
            if (pending > 0) {
                check(client.bulk(bulk.build()));
            }
        } finally {
            pool.shutdownNow();
        }
        client.indices().refresh(r -> r.index(INDEX));
        log.info("Indexed {} stories with enrichment in {} s", drafts.size(), (System.nanoTime() - start) / 1e9);
        return stories;
    }

    private static void check(BulkResponse response) {
        if (response.errors()) {
            var failed = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
            throw new IllegalStateException("bulk failed: " + failed.error().reason());
        }
    }

    /** Topic code (lowercase) to the words of its name, from Lewis's notes: "Crude Oil (CRUDE)" gives "crude oil". */
    static Map<String, String> topicDescriptions() throws IOException {
        Map<String, String> names = new HashMap<>();
        for (String line : Files.readAllLines(REUTERS.resolve("cat-descriptions_120396.txt"),
                StandardCharsets.ISO_8859_1)) {
            Matcher m = DESCRIPTION.matcher(line.strip());
            if (m.matches() && !line.startsWith("*")) {
                names.put(m.group(2).toLowerCase(Locale.ROOT),
                        m.group(1).replace('/', ' ').replace('-', ' ').toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static void write(int stories, int files, Map<String, List<Object[]>> rows, int empty, String latency)
            throws IOException {
        Files.createDirectories(OUT);
        StringBuilder md = new StringBuilder();
        md.append("# Relevance on Reuters-21578 (").append(stories).append(" stories, first ").append(files)
                .append(" files)\n\n| judged queries | n |");
        for (String arm : ARMS) {
            md.append(' ').append(arm).append(" MAP | nDCG@10 | P@10 | took ms (mean) |");
        }
        md.append("\n|---|---|").append("---|---|---|---|".repeat(ARMS.size())).append('\n');
        Map<String, Object> json = new LinkedHashMap<>();
        for (Map.Entry<String, List<Object[]>> entry : rows.entrySet()) {
            int n = entry.getValue().size();
            md.append("| ").append(entry.getKey()).append(" | ").append(n);
            Map<String, Object> arms = new LinkedHashMap<>();
            for (int a = 0; a < ARMS.size(); a++) {
                double ap = 0;
                double ndcg = 0;
                double p10 = 0;
                double took = 0;
                for (Object[] row : entry.getValue()) {
                    Scores scores = (Scores) row[a + 1];
                    ap += scores.ap();
                    ndcg += scores.ndcg10();
                    p10 += scores.p10();
                    took += scores.took();
                }
                md.append(String.format(Locale.ROOT, " | %.3f | %.3f | %.3f | %.1f", ap / n, ndcg / n, p10 / n,
                        took / n));
                arms.put(ARMS.get(a), Map.of("map", round(ap / n), "ndcg10", round(ndcg / n), "p10", round(p10 / n),
                        "took_ms_mean", round(took / n)));
            }
            md.append(" |\n");
            json.put(entry.getKey(), Map.of("queries", n, "arms", arms));
        }
        md.append("\n").append(latency);
        md.append("\nQueries where Clipfile answered nothing while raw BM25 found something: ").append(empty)
                .append("\n\n## Per query (AP, P@10, hits: Clipfile / before / raw BM25)\n\n")
                .append("| kind | tag | query | relevant | AP | P@10 | hits |\n|---|---|---|---|---|---|---|\n");
        json.put("empty_while_bm25_finds", empty);
        json.put("latency", latency.strip());
        for (List<Object[]> list : rows.values()) {
            for (Object[] row : list) {
                Judged j = (Judged) row[0];
                Scores a = (Scores) row[1];
                Scores b = (Scores) row[2];
                Scores c = (Scores) row[3];
                md.append(String.format(Locale.ROOT,
                        "| %s | %s | `%s` | %d | %.3f / %.3f / %.3f | %.1f / %.1f / %.1f | %d / %d / %d |%n",
                        j.kind(), j.tag(), j.clipfileQuery().replace("|", "\\|"), j.relevant().size(), a.ap(), b.ap(),
                        c.ap(), a.p10(), b.p10(), c.p10(), a.hits(), b.hits(), c.hits()));
            }
        }
        Files.writeString(OUT.resolve("relevance.md"), md);
        Files.writeString(OUT.resolve("relevance.json"), JsonMapper.shared().writerWithDefaultPrettyPrinter()
                .writeValueAsString(json));
        log.info("\n{}", md.substring(0, md.indexOf("## Per query")));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
