package org.clipfile.saved;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clipfile.article.Article;
import org.clipfile.article.ArticleDraft;
import org.clipfile.collections.CollectionServiceAccess;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexProperties;
import org.clipfile.ingest.InvalidArticleException;
import org.clipfile.ingest.ReutersSgmlReader;
import org.clipfile.localnode.LocalElasticsearch;
import org.clipfile.testsupport.TestElasticsearch;

/**
 * Measures the saved-search matcher: N saved searches checked against a minute of new articles, on a local
 * Elasticsearch holding all of Reuters-21578 (ingested "yesterday", without enrichment). Prints wall time, the
 * server thread's CPU and the Elasticsearch process's CPU. A report, never a test: it fails on no timing.
 *
 * <p>{@code java ... org.clipfile.saved.FollowBenchmark [newArticles=300] [counts=1000,10000]}
 */
public final class FollowBenchmark {
    private static final Pattern STORY = Pattern.compile("<REUTERS\\b.*?</REUTERS>", Pattern.DOTALL);

    private FollowBenchmark() {}

    public static void main(String[] args) throws Exception {
        int perMinute = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        List<Integer> counts = args.length > 1
                ? java.util.Arrays.stream(args[1].split(",")).map(Integer::parseInt).toList() : List.of(1000, 10000);
        Path corpus = Path.of("../shared/corpora/news/reuters21578");
        if (!Files.isDirectory(corpus)) {
            System.out.println("Skipped: ../shared/corpora/news/reuters21578 is absent");
            return;
        }
        try (LocalElasticsearch node = new LocalElasticsearch(TestElasticsearch.settings(
                TestElasticsearch.freshWorkDir("bench-follow"), ProcessHandle.current().pid()))) {
            node.start();
            node.awaitReady();
            // Closed at the end: its I/O threads would keep the JVM alive.
            try (Rest5ClientTransport transport = new Rest5ClientTransport(Rest5Client.builder(node.httpUri()).build(),
                    new Jackson3JsonpMapper())) {
                run(node, new ElasticsearchClient(transport), perMinute, counts, corpus);
            }
        }
    }

    private static void run(LocalElasticsearch node, ElasticsearchClient client, int perMinute,
            List<Integer> counts, Path corpus) throws Exception {
        IndexProperties properties = new IndexProperties("bench");
        ArticleIndex articles = new ArticleIndex(client, properties);
        articles.ensureExists();
        List<ArticleDraft> drafts = reuters(corpus);
        System.out.printf(Locale.ROOT, "Reuters-21578: %d stories%n", drafts.size());
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        Instant minuteStart = Instant.now();
        List<Article> archive = new ArrayList<>();
        List<Article> fresh = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            boolean isNew = i >= drafts.size() - perMinute;
            Article article = drafts.get(i).toArticle(isNew
                    ? minuteStart.plusMillis((long) (i - (drafts.size() - perMinute)) * 60_000 / perMinute)
                    : yesterday);
            (isNew ? fresh : archive).add(article);
        }
        bulk(articles, archive);
        bulk(articles, fresh);
        client.indices().refresh(r -> r.index(articles.alias()));
        System.out.printf(Locale.ROOT, "Archive %d articles; a minute of new ones: %d%n", archive.size(),
                fresh.size());
        Instant windowEnd = minuteStart.plusSeconds(60);

        AlertProperties alertProperties = new AlertProperties(false, Duration.ofSeconds(30),
                Duration.ofSeconds(10), 250, 100_000, false, 1, Duration.ofSeconds(1));
        SavedSearchStore store = new SavedSearchStore(new org.clipfile.sysindex.SystemIndices(client, properties));
        store.ensureExists();
        SavedSearchQueries queries = new SavedSearchQueries(CollectionServiceAccess.create(client, articles,
                properties));
        AlertMatcher matcher = new AlertMatcher(store, queries, new WebhookSender(store, alertProperties),
                alertProperties, articles);
        List<String> vocabulary = vocabulary(drafts);
        Random random = new Random(42);
        int stored = 0;
        for (int target : counts) {
            List<SavedSearch> batch = new ArrayList<>();
            for (; stored < target; stored++) {
                batch.add(savedSearch(stored, vocabulary, random, yesterday));
                if (batch.size() == 1000) {
                    store(client, store, batch);
                    batch.clear();
                }
            }
            store(client, store, batch);
            client.indices().refresh(r -> r.index("bench-saved-searches"));
            for (int round = 1; round <= 2; round++) {
                long esBefore = cpu(node);
                AlertMatcher.Run run = matcher.check(minuteStart, windowEnd);
                long esCpu = cpu(node) - esBefore;
                System.out.printf(Locale.ROOT, "saved searches %,d (round %d): %,d ms wall, server thread CPU "
                                + "%,d ms, Elasticsearch CPU %,d ms; %,d with new matches, %d failed; %d new "
                                + "articles%n", run.searches(), round, run.millis(), run.cpuMillis(), esCpu,
                        run.matched(), run.failed(), run.articles());
            }
        }
    }

    public static long cpu(LocalElasticsearch node) {
        long ticks = 0;
        for (ProcessHandle process : node.processes()) {
            try {
                String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException e) {
                // ended
            }
        }
        return ticks * 10; // 100 ticks per second on Linux
    }

    /** Searches journalists might keep: 1-3 words, a third with a topic tag, a tenth excluding one. */
    private static SavedSearch savedSearch(int n, List<String> vocabulary, Random random, Instant createdAt) {
        int words = 1 + random.nextInt(3);
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < words; i++) {
            q.append(i == 0 ? "" : " ").append(vocabulary.get(random.nextInt(vocabulary.size())));
        }
        String query = "q=" + java.net.URLEncoder.encode(q.toString(), StandardCharsets.UTF_8);
        if (n % 3 == 0) {
            query += "&tag=" + List.of("earn", "acq", "crude", "trade", "money-fx", "grain", "interest")
                    .get(random.nextInt(7));
        }
        if (n % 10 == 0) {
            query += "&-tag=earn";
        }
        return new SavedSearch("bench-" + n, "bench-user-" + (n % 50), "Search " + n, query, createdAt, createdAt,
                null, 0, createdAt, null, null, null);
    }

    private static void store(ElasticsearchClient client, SavedSearchStore store, List<SavedSearch> batch)
            throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        var response = client.bulk(b -> {
            b.index("bench-saved-searches").refresh(Refresh.False);
            batch.forEach(s -> b.operations(op -> op.index(i -> i.id(s.id()).document(s))));
            return b;
        });
        if (response.errors()) {
            throw new IOException("bulk of saved searches failed");
        }
    }

    /** Words of 5+ letters from the headlines, as query material (frequent and rare ones alike). */
    private static List<String> vocabulary(List<ArticleDraft> drafts) {
        java.util.Set<String> words = new java.util.LinkedHashSet<>();
        for (ArticleDraft draft : drafts) {
            for (String word : draft.title().toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (word.length() >= 5) {
                    words.add(word);
                }
            }
        }
        return new ArrayList<>(words);
    }

    public static List<ArticleDraft> reuters(Path corpus) throws IOException {
        List<ArticleDraft> drafts = new ArrayList<>();
        try (var files = Files.list(corpus)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sgm")).sorted().toList()) {
                String sgml = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                Matcher story = STORY.matcher(sgml);
                while (story.find()) {
                    try {
                        drafts.add(ReutersSgmlReader.parse(story.group()));
                    } catch (InvalidArticleException e) {
                        // a story without a title: not an article
                    }
                }
            }
        }
        return drafts;
    }

    public static void bulk(ArticleIndex articles, List<Article> all) throws IOException {
        for (int i = 0; i < all.size(); i += 1000) {
            List<String> failures = articles.saveAll(all.subList(i, Math.min(all.size(), i + 1000)), false);
            if (!failures.isEmpty()) {
                throw new IOException("bulk failed: " + failures.getFirst());
            }
        }
    }
}
