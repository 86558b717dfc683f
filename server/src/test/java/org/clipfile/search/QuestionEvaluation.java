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
import java.time.Instant;
import java.util.ArrayList;
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
import org.clipfile.search.query.QuerySyntaxException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Natural-language requests with human judgments (classic IR test collections, development data kept outside the
 * project in {@code ../shared/corpora/relevance/}): each request is typed as the collection gives it (capitals,
 * punctuation and all) into Clipfile's query path ({@link SearchRequestFactory#query}, with the second try of a
 * short query that found nothing, as {@link SearchService} does) and, on the same index in the same run, into raw
 * BM25 ({@code multi_match}, best fields, OR, on {@code title} and {@code body}). MAP (first 1,000 hits), nDCG@10
 * (binary gains), P@10, empty answers, requests the query language rejects, and Elasticsearch's {@code took}.
 * Writes {@code target/evaluation/questions.md} and {@code questions.json}. Not part of the normal test run:
 * {@code mvn -B -o test -Dtest=QuestionEvaluation}.
 *
 * <ul>
 *   <li><b>cisi</b>: 1,460 library-science abstracts, 76 judged requests ({@code CISI.ALL/QRY/REL}).
 *   <li><b>cran</b>: Cranfield, 1,400 aeronautics abstracts, 225 judged requests ({@code cran.all.1400},
 *       {@code cran.qry}, {@code cranqrel}: a request's number there is its position in {@code cran.qry}).
 *   <li><b>time</b>: 423 TIME articles, 83 requests in capitals, no judgments available here: only empty answers
 *       and rejections are counted (the held-out collection is probably this one: not tuned on).
 * </ul>
 * Articles are enriched as Clipfile enriches them (the name-key clause needs the names).
 */
@Tag("evaluation")
class QuestionEvaluation {
    private static final Logger log = LoggerFactory.getLogger(QuestionEvaluation.class);
    static final Path COLLECTIONS = Path.of("..", "shared", "corpora", "relevance");
    static final Path OUT = Path.of("target", "evaluation");
    static final int DEPTH = 1000;
    private static final Pattern RECORD = Pattern.compile("^\\.I\\s+(\\d+)\\s*$", Pattern.MULTILINE);
    private static final Pattern FIELD = Pattern.compile("^\\.([A-Z])\\s*$", Pattern.MULTILINE);
    private static final Pattern TIME_TEXT = Pattern.compile("^\\*TEXT\\s+(\\d+).*$", Pattern.MULTILINE);
    private static final Pattern TIME_FIND = Pattern.compile("^\\*FIND\\s+(\\d+)\\s*$", Pattern.MULTILINE);

    private final ElasticsearchClient client = RelevanceEvaluation.client();
    /** Request text to the reason the query language gave. */
    private final Map<String, String> rejections = new LinkedHashMap<>();

    /** A document of a collection: its id in the collection, title and text. */
    record Doc(String id, String title, String body) {}

    /** A request and the ids of the documents judged relevant (empty when the collection has no judgments). */
    record Request(String id, String text, Set<String> relevant) {}

    record Collection(String name, List<Doc> docs, List<Request> requests) {}

    /**
     * @param rejected the query language refused the request (the journalist gets a 400 with a hint)
     * @param took Elasticsearch's time for the searches of the arm, ms (both tries of a short query)
     */
    record Scores(double ap, double ndcg10, double p10, int hits, long took, boolean rejected) {}

    @Test
    void evaluate() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(COLLECTIONS), "the collections are not at "
                + COLLECTIONS.toAbsolutePath() + ": see /work/shared/corpora/relevance/README.md");
        List<Collection> collections = new ArrayList<>();
        for (String name : List.of("cisi", "cran", "time")) {
            Path dir = COLLECTIONS.resolve(name);
            if (!Files.isDirectory(dir)) {
                log.warn("Skipping {}: {} is missing", name, dir.toAbsolutePath());
                continue;
            }
            collections.add(switch (name) {
                case "cisi" -> smart(name, dir.resolve("CISI.ALL"), dir.resolve("CISI.QRY"), cisiJudgments(
                        dir.resolve("CISI.REL")), false);
                case "cran" -> smart(name, dir.resolve("cran.all.1400"), dir.resolve("cran.qry"), cranJudgments(
                        dir.resolve("cranqrel")), true);
                default -> time(dir);
            });
        }
        Assumptions.assumeFalse(collections.isEmpty(), "no collection found under " + COLLECTIONS.toAbsolutePath());
        StringBuilder md = new StringBuilder("# Natural-language requests: Clipfile beside raw BM25\n\n");
        md.append("| collection | requests | judged | arm | MAP | nDCG@10 | P@10 | MAP (accepted) | empty answers |"
                + " rejected | took ms (mean) | took ms (p90) |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        StringBuilder perRequest = new StringBuilder("\n## Per request (AP, P@10, hits: Clipfile / raw BM25)\n\n"
                + "| collection | id | request | relevant | AP | P@10 | hits |\n|---|---|---|---|---|---|---|\n");
        Map<String, Object> json = new LinkedHashMap<>();
        for (Collection collection : collections) {
            String index = "eval-questions-" + collection.name();
            index(index, collection.docs());
            List<Scores[]> rows = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                // The first round warms the caches up; the second is reported.
                rows.clear();
                for (Request request : collection.requests()) {
                    rows.add(new Scores[] {clipfile(index, request), bm25(index, request)});
                }
            }
            long judged = collection.requests().stream().filter(r -> !r.relevant().isEmpty()).count();
            Map<String, Object> arms = new LinkedHashMap<>();
            for (int arm = 0; arm < 2; arm++) {
                String name = arm == 0 ? "Clipfile" : "raw BM25";
                Summary s = summary(collection, rows, arm);
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %.3f | %.3f | %.3f | %.3f | %d | %d | %.2f"
                        + " | %d |%n", collection.name(), collection.requests().size(), judged, name, s.map(),
                        s.ndcg(), s.p10(), s.mapAccepted(), s.empty(), s.rejected(), s.tookMean(), s.tookP90()));
                arms.put(name, Map.of("map", round(s.map()), "ndcg10", round(s.ndcg()), "p10", round(s.p10()),
                        "map_accepted", round(s.mapAccepted()), "empty", s.empty(), "rejected", s.rejected(), "took_ms_mean", round(s.tookMean()),
                        "took_ms_p90", s.tookP90()));
            }
            json.put(collection.name(), Map.of("requests", collection.requests().size(), "judged", judged,
                    "arms", arms));
            for (int i = 0; i < rows.size(); i++) {
                Request r = collection.requests().get(i);
                Scores a = rows.get(i)[0];
                Scores b = rows.get(i)[1];
                String text = r.text().length() > 90 ? r.text().substring(0, 87) + "..." : r.text();
                perRequest.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.3f / %.3f | %.1f / %.1f | %s /"
                        + " %d |%n", collection.name(), r.id(), text.replace("|", "\\|"), r.relevant().size(), a.ap(),
                        b.ap(), a.p10(), b.p10(), a.rejected() ? "rejected" : Integer.toString(a.hits()), b.hits()));
            }
        }
        rejections.forEach((text, reason) -> perRequest.append("\n- rejected: `").append(text).append("`: ")
                .append(reason));
        md.append("\nempty answers: Clipfile answered nothing while raw BM25 found something. rejected: the query"
                + " language refused the request as typed (400; counted with AP 0 in MAP). MAP (accepted): over the"
                + " judged requests Clipfile accepted. Measures over the judged requests only; empty answers and"
                + " rejections over all requests.\n");
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("questions.md"), md.toString() + perRequest);
        Files.writeString(OUT.resolve("questions.json"), JsonMapper.shared().writerWithDefaultPrettyPrinter()
                .writeValueAsString(json));
        log.info("\n{}", md);
        assertThat(json).isNotEmpty();
    }

    /** @param mapAccepted MAP over the judged requests that Clipfile's query language accepted */
    record Summary(double map, double ndcg, double p10, double mapAccepted, int empty, int rejected, double tookMean,
            long tookP90) {}

    private static Summary summary(Collection collection, List<Scores[]> rows, int arm) {
        double ap = 0;
        double ndcg = 0;
        double p10 = 0;
        int judged = 0;
        double apAccepted = 0;
        int accepted = 0;
        int empty = 0;
        int rejected = 0;
        List<Long> took = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Scores s = rows.get(i)[arm];
            Scores other = rows.get(i)[1 - arm];
            took.add(s.took());
            if (s.rejected()) {
                rejected++;
            } else if (s.hits() == 0 && other.hits() > 0) {
                empty++;
            }
            if (!collection.requests().get(i).relevant().isEmpty()) {
                judged++;
                ap += s.ap();
                if (!rows.get(i)[0].rejected()) {
                    accepted++;
                    apAccepted += s.ap();
                }
                ndcg += s.ndcg10();
                p10 += s.p10();
            }
        }
        List<Long> sorted = took.stream().sorted().toList();
        long p90 = sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * 0.9));
        int n = Math.max(judged, 1);
        return new Summary(ap / n, ndcg / n, p10 / n, apAccepted / Math.max(accepted, 1), empty, rejected,
                took.stream().mapToLong(Long::longValue).average().orElse(0), p90);
    }

    /**
     * As {@code GET /api/search?q=} searches: Clipfile's query; a short query that found nothing, relaxed; a query
     * whose quoted phrase no document has, its words relaxed.
     */
    private Scores clipfile(String index, Request request) throws IOException {
        SearchParameters parameters = SearchParameters.of(request.text(), 1, 20);
        Query query;
        try {
            query = SearchRequestFactory.query(parameters);
        } catch (QuerySyntaxException e) {
            rejections.put(request.text(), e.toString());
            return new Scores(0, 0, 0, 0, 0, true);
        }
        Scores strict = score(index, query, request.relevant());
        if (strict.hits() == 0 && SearchService.shortQueryCanRelax(parameters)) {
            Scores relaxed = score(index, SearchRequestFactory.query(parameters, 1), request.relevant());
            strict = new Scores(relaxed.ap(), relaxed.ndcg10(), relaxed.p10(), relaxed.hits(),
                    strict.took() + relaxed.took(), false);
        }
        String loosened = SearchService.loosenPhrases(request.text());
        if (strict.hits() == 0 && loosened != null) {
            // A quoted phrase no document has: its words, relaxed (SearchService does the same).
            Scores relaxed = score(index, SearchRequestFactory.query(parameters.withQuery(loosened), 1),
                    request.relevant());
            return new Scores(relaxed.ap(), relaxed.ndcg10(), relaxed.p10(), relaxed.hits(),
                    strict.took() + relaxed.took(), false);
        }
        return strict;
    }

    /** Raw BM25: the request's text through the fields' own analyzers, any word, the best field's score. */
    private Scores bm25(String index, Request request) throws IOException {
        return score(index, Query.of(q -> q.multiMatch(m -> m.query(request.text()).fields("title", "body"))),
                request.relevant());
    }

    private Scores score(String index, Query query, Set<String> relevant) throws IOException {
        var response = client.search(s -> s.index(index).size(DEPTH).source(src -> src.filter(f -> f.includes("url")))
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
        return relevant.isEmpty()
                ? new Scores(0, 0, 0, ids.size(), response.took(), false)
                : new Scores(sum / relevant.size(), dcg / ideal, top10 / 10.0, ids.size(), response.took(), false);
    }

    /** Indexes the documents as articles with their enrichment, or reuses the index when it holds as many. */
    private void index(String index, List<Doc> docs) throws Exception {
        boolean exists = client.indices().exists(e -> e.index(index)).value();
        if (exists && client.count(c -> c.index(index)).count() == docs.size()) {
            log.info("Reusing {} with {} documents", index, docs.size());
            return;
        }
        if (exists) {
            client.indices().delete(d -> d.index(index));
        }
        client.indices().create(c -> c.index(index).withJson(new StringReader(IndexDefinition.articles().json())));
        long start = System.nanoTime();
        Enricher enricher = new Enricher();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Article>> prepared = new ArrayList<>();
            for (Doc doc : docs) {
                prepared.add(pool.submit(() -> {
                    Article article = new ArticleDraft(doc.title(), doc.body(), Instant.parse("1970-01-01T00:00:00Z"),
                            "eval", "eval:" + index + ":" + doc.id(), null, List.of(), null, "en")
                            .toArticle(Instant.now());
                    return article.withEntities(enricher.enrich(article.title(), article.body()));
                }));
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (Future<Article> future : prepared) {
                Article article = future.get();
                bulk.operations(o -> o.index(i -> i.index(index).id(article.id())
                        .document(ArticleDocument.of(article))));
            }
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                var failed = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
                throw new IllegalStateException("bulk failed: " + failed.error().reason());
            }
        } finally {
            pool.shutdownNow();
        }
        client.indices().refresh(r -> r.index(index));
        log.info("Indexed {} documents into {} with enrichment in {} s", docs.size(), index,
                (System.nanoTime() - start) / 1e9);
    }

    /** A SMART-format collection: records {@code .I n} with fields {@code .T} (title) and {@code .W} (text). */
    static Collection smart(String name, Path all, Path queries, Map<String, Set<String>> judgments,
            boolean numberedByPosition) throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (Map.Entry<String, Map<Character, String>> e : records(Files.readString(all, StandardCharsets.ISO_8859_1))
                .entrySet()) {
            docs.add(new Doc(e.getKey(), e.getValue().getOrDefault('T', ""), e.getValue().getOrDefault('W', "")));
        }
        List<Request> requests = new ArrayList<>();
        int position = 0;
        for (Map.Entry<String, Map<Character, String>> e : records(Files.readString(queries,
                StandardCharsets.ISO_8859_1)).entrySet()) {
            String id = numberedByPosition ? Integer.toString(++position) : e.getKey();
            requests.add(new Request(id, e.getValue().getOrDefault('W', ""), judgments.getOrDefault(id, Set.of())));
        }
        return new Collection(name, docs, requests);
    }

    /** Records in file order: id (leading zeros dropped) to field letter to text (lines joined by spaces). */
    static Map<String, Map<Character, String>> records(String text) {
        Map<String, Map<Character, String>> records = new LinkedHashMap<>();
        Matcher record = RECORD.matcher(text);
        List<int[]> bounds = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (record.find()) {
            bounds.add(new int[] {record.start(), record.end()});
            ids.add(Integer.toString(Integer.parseInt(record.group(1))));
        }
        for (int i = 0; i < bounds.size(); i++) {
            String body = text.substring(bounds.get(i)[1], i + 1 < bounds.size() ? bounds.get(i + 1)[0] : text.length());
            Map<Character, String> fields = new TreeMap<>();
            Matcher field = FIELD.matcher(body);
            List<int[]> fb = new ArrayList<>();
            List<Character> letters = new ArrayList<>();
            while (field.find()) {
                fb.add(new int[] {field.start(), field.end()});
                letters.add(field.group(1).charAt(0));
            }
            for (int f = 0; f < fb.size(); f++) {
                String value = body.substring(fb.get(f)[1], f + 1 < fb.size() ? fb.get(f + 1)[0] : body.length());
                fields.put(letters.get(f), value.strip().replaceAll("\\s+", " "));
            }
            records.put(ids.get(i), fields);
        }
        return records;
    }

    static Map<String, Set<String>> cisiJudgments(Path file) throws IOException {
        Map<String, Set<String>> judgments = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            String[] cols = line.strip().split("\\s+");
            if (cols.length >= 2) {
                judgments.computeIfAbsent(cols[0], k -> new HashSet<>()).add(cols[1]);
            }
        }
        return judgments;
    }

    /** Codes 1 to 4 are degrees of relevance; -1 marks a pair judged of no interest. */
    static Map<String, Set<String>> cranJudgments(Path file) throws IOException {
        Map<String, Set<String>> judgments = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            String[] cols = line.strip().split("\\s+");
            if (cols.length >= 3 && Integer.parseInt(cols[2]) >= 1) {
                judgments.computeIfAbsent(cols[0], k -> new HashSet<>()).add(cols[1]);
            }
        }
        return judgments;
    }

    /** TIME: {@code *TEXT n ...} articles (no title) and {@code *FIND n} requests; no judgments here. */
    static Collection time(Path dir) throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (String[] part : split(Files.readString(dir.resolve("TIME.ALL"), StandardCharsets.ISO_8859_1),
                TIME_TEXT)) {
            docs.add(new Doc(part[0], "", part[1]));
        }
        List<Request> requests = new ArrayList<>();
        for (String[] part : split(Files.readString(dir.resolve("TIME.QUE"), StandardCharsets.ISO_8859_1),
                TIME_FIND)) {
            requests.add(new Request(part[0], part[1], Set.of()));
        }
        return new Collection("time", docs, requests);
    }

    private static List<String[]> split(String text, Pattern header) {
        text = text.replace("*STOP", "");
        Matcher m = header.matcher(text);
        List<int[]> bounds = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            bounds.add(new int[] {m.start(), m.end()});
            ids.add(Integer.toString(Integer.parseInt(m.group(1))));
        }
        List<String[]> parts = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            String body = text.substring(bounds.get(i)[1], i + 1 < bounds.size() ? bounds.get(i + 1)[0] : text.length());
            parts.add(new String[] {ids.get(i), body.strip().replaceAll("\\s+", " ")});
        }
        return parts;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
