package org.clipfile.batch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.clipfile.article.Article;
import org.clipfile.article.ArticleDraft;
import org.clipfile.enrich.ReferenceCatalogue;
import org.clipfile.enrich.entities.AliasRegistry;
import org.clipfile.index.ArticleIndex;
import org.clipfile.index.IndexProperties;
import org.clipfile.localnode.LocalElasticsearch;
import org.clipfile.saved.FollowBenchmark;
import org.clipfile.search.SearchParameters;
import org.clipfile.testsupport.TestElasticsearch;

/**
 * Measures a batch search of 1,000 names over all of Reuters-21578 (indexed without enrichment, so the name-field
 * clauses find nothing and the phrases do the work): the editors' PEOPLE, ORGS, PLACES and EXCHANGES lists (537
 * names, most of them in the archive) and made-up names (mostly absent), as a leaked list would be. A report, never
 * a test. {@code java ... org.clipfile.batch.BatchBenchmark [names=1000]}
 */
public final class BatchBenchmark {
    private BatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path corpus = Path.of("../shared/corpora/news/reuters21578");
        if (!Files.isDirectory(corpus)) {
            System.out.println("Skipped: ../shared/corpora/news/reuters21578 is absent");
            return;
        }
        try (LocalElasticsearch node = new LocalElasticsearch(TestElasticsearch.settings(
                TestElasticsearch.freshWorkDir("bench-batch"), ProcessHandle.current().pid()))) {
            node.start();
            node.awaitReady();
            // Closed at the end: its I/O threads would keep the JVM alive.
            try (Rest5ClientTransport transport = new Rest5ClientTransport(Rest5Client.builder(node.httpUri()).build(),
                    new Jackson3JsonpMapper())) {
                run(node, new ElasticsearchClient(transport), count, corpus);
            }
        }
    }

    private static void run(LocalElasticsearch node, ElasticsearchClient client, int count, Path corpus)
            throws Exception {
        IndexProperties properties = new IndexProperties("bench");
        ArticleIndex articles = new ArticleIndex(client, properties);
        articles.ensureExists();
        List<ArticleDraft> drafts = FollowBenchmark.reuters(corpus);
        List<Article> all = drafts.stream().map(d -> d.toArticle(Instant.now())).toList();
        FollowBenchmark.bulk(articles, all);
        client.indices().refresh(r -> r.index(articles.alias()));
        client.indices().forcemerge(f -> f.index(articles.alias()).maxNumSegments(1L));
        System.out.printf(Locale.ROOT, "Reuters-21578: %d articles indexed%n", all.size());

        List<String> names = names(corpus, count);
        BatchProperties batchProperties = new BatchProperties(10_000, 200, 5_000_000, 100, 1, 3,
                java.time.Duration.ofMinutes(2), java.time.Duration.ofSeconds(30));
        BatchStore store = new BatchStore(new org.clipfile.sysindex.SystemIndices(client, properties));
        store.ensureExists();
        AliasRegistry registry = AliasRegistry.loadDefault();
        // The runner reads only entities: no gazetteer to load for the benchmark.
        ReferenceCatalogue catalogue = new ReferenceCatalogue() {
            @Override
            public java.util.Optional<org.clipfile.enrich.entities.CanonicalEntity> entity(String id) {
                return registry.findById(id);
            }

            @Override
            public java.util.Optional<org.clipfile.enrich.entities.CanonicalEntity> entityNamed(String name) {
                return registry.findByName(name);
            }

            @Override
            public java.util.Optional<org.clipfile.enrich.places.Place> place(String id) {
                return java.util.Optional.empty();
            }
        };
        BatchRunner runner = new BatchRunner(store, batchProperties, articles, catalogue);
        for (int round = 1; round <= 2; round++) {
            BatchJob job = new BatchJob("bench-" + round, "bench", BatchJob.Status.queued, "", names.size(), 0, 0,
                    Instant.now(), null, null, null);
            store.save(job, true);
            List<BatchResult> pending = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                pending.add(BatchResult.pending(job.id(), i, names.get(i)));
            }
            store.saveResults(pending, true);
            long esBefore = FollowBenchmark.cpu(node);
            long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long started = System.nanoTime();
            runner.run(job, SearchParameters.of(null, 1, 1));
            long millis = (System.nanoTime() - started) / 1_000_000;
            long cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
            long esCpu = FollowBenchmark.cpu(node) - esBefore;
            BatchJob done = store.find(job.id()).orElseThrow();
            System.out.printf(Locale.ROOT, "batch of %,d names (round %d): %s in %,d ms wall, server thread CPU "
                            + "%,d ms, Elasticsearch CPU %,d ms; %,d names found%n", names.size(), round,
                    done.status(), millis, cpu, esCpu, done.namesFound());
        }
    }

    static List<String> names(Path corpus, int count) throws java.io.IOException {
        List<String> names = new ArrayList<>();
        for (String list : List.of("people", "orgs", "places", "exchanges")) {
            for (String line : Files.readAllLines(corpus.resolve("all-" + list + "-strings.lc.txt"))) {
                if (!line.isBlank() && names.size() < count) {
                    names.add(line.strip().replace('-', ' '));
                }
            }
        }
        String[] first = {"Amira", "Boris", "Chen", "Dolores", "Emeka", "Farida", "Gustav", "Hana", "Ivo", "Jana"};
        String[] last = {"Quartermain", "Vasquez-Oduya", "Lindqvist", "Al-Masri", "Okonkwo", "Petrov", "Nakamura",
            "Baker", "Fontaneda", "Rahman", "Smith", "Kowalczyk"};
        Random random = new Random(7);
        while (names.size() < count) {
            names.add(first[random.nextInt(first.length)] + " " + last[random.nextInt(last.length)]);
        }
        return names;
    }
}
