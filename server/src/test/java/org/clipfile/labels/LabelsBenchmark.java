package org.clipfile.labels;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.clipfile.article.Article;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexProperties;
import org.clipfile.localnode.LocalElasticsearch;
import org.clipfile.saved.FollowBenchmark;
import org.clipfile.testsupport.TestElasticsearch;

/**
 * What labels cost, on all of Reuters-21578 in a local Elasticsearch: one label change (read, conditional partial
 * update, {@code refresh: wait_for}), and the ingest's carry-over ({@code mget} of the stored labels of a batch of
 * 1,000 ids, as every import batch does) with no labels and with a label on one article in ten. A report, never a
 * test. {@code java ... org.clipfile.labels.LabelsBenchmark [changes=200]}
 */
public final class LabelsBenchmark {
    private LabelsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path corpus = Path.of("../shared/corpora/news/reuters21578");
        if (!Files.isDirectory(corpus)) {
            System.out.println("Skipped: ../shared/corpora/news/reuters21578 is absent");
            return;
        }
        try (LocalElasticsearch node = new LocalElasticsearch(TestElasticsearch.settings(
                TestElasticsearch.freshWorkDir("bench-labels"), ProcessHandle.current().pid()))) {
            node.start();
            node.awaitReady();
            try (Rest5ClientTransport transport = new Rest5ClientTransport(Rest5Client.builder(node.httpUri()).build(),
                    new Jackson3JsonpMapper())) {
                run(new ElasticsearchClient(transport), changes, corpus);
            }
        }
    }

    private static void run(ElasticsearchClient client, int changes, Path corpus) throws Exception {
        ArticleIndex articles = new ArticleIndex(client, new IndexProperties("bench-labels"));
        articles.ensureExists();
        List<Article> all = FollowBenchmark.reuters(corpus).stream().map(d -> d.toArticle(Instant.now()))
                .toList();
        FollowBenchmark.bulk(articles, all);
        client.indices().refresh(r -> r.index(articles.alias()));
        System.out.printf(Locale.ROOT, "Reuters-21578: %d articles indexed%n", all.size());
        ArticleLabels labels = new ArticleLabels(articles);

        System.out.printf(Locale.ROOT, "carry-over, no labels stored: %s%n", carry(labels, all));

        for (int round = 0; round < 2; round++) {
            long[] micros = new long[changes];
            for (int i = 0; i < changes; i++) {
                long start = System.nanoTime();
                labels.add(all.get(i * 10).id(), "checked");
                micros[i] = (System.nanoTime() - start) / 1000;
            }
            Arrays.sort(micros);
            System.out.printf(Locale.ROOT, "label change (round %d, %d changes, each waiting for a refresh): "
                    + "p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", round + 1, changes, micros[changes / 2] / 1000.0,
                    micros[changes * 95 / 100] / 1000.0, micros[changes - 1] / 1000.0);
            for (int i = 0; i < changes; i++) {
                labels.remove(all.get(i * 10).id(), "checked");
            }
        }
        List<Article> tenth = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 10) {
            tenth.add(all.get(i).withLabels(List.of("checked", "weekend")));
        }
        FollowBenchmark.bulk(articles, tenth);
        client.indices().refresh(r -> r.index(articles.alias()));
        System.out.printf(Locale.ROOT, "carry-over, one article in ten labelled: %s%n", carry(labels, all));
    }

    /** The carry-over over the whole corpus in batches of 1,000, twice (the first run warms up both JVMs). */
    private static String carry(ArticleLabels labels, List<Article> all) throws Exception {
        StringBuilder out = new StringBuilder();
        for (int round = 0; round < 2; round++) {
            long carried = 0;
            long start = System.nanoTime();
            int batches = 0;
            for (int i = 0; i < all.size(); i += 1000) {
                List<Article> batch = all.subList(i, Math.min(all.size(), i + 1000));
                carried += labels.carry(batch).stream().filter(a -> !a.labels().isEmpty()).count();
                batches++;
            }
            double ms = (System.nanoTime() - start) / 1e6;
            out.append(String.format(Locale.ROOT, "%s run %.0f ms for %d batches (%.1f ms per batch of 1,000), "
                    + "%d articles given their labels", round == 0 ? "1st" : "; 2nd", ms, batches, ms / batches,
                    carried));
        }
        return out.toString();
    }
}
