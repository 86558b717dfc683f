package org.clipfile.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.clipfile.ClipfileApplication;
import org.clipfile.localnode.LocalElasticsearch;
import org.clipfile.testsupport.Http;
import org.clipfile.testsupport.ImportJobs;
import org.clipfile.testsupport.TestElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Clipfile on a three-node Elasticsearch cluster (three local processes on loopback, one replica per shard): an
 * import of Reuters articles while one node is killed with SIGKILL ends with every article searchable, and searches
 * sent all along keep answering. The server knows all three nodes and stays stateless.
 *
 * <p>By default the first {@value #DEFAULT_FILES} files of {@code ../shared/corpora/news/reuters21578/} (3,000
 * articles) keep the test within CI's time; {@code -Dclipfile.cluster.reuters-files=22} imports the whole corpus.
 * Without the corpus, generated wire stories of the same number stand in (the test says so in its output).
 */
class ClusterFailoverIntegrationTests {
    static final Path REUTERS = Path.of("../shared/corpora/news/reuters21578");
    static final int DEFAULT_FILES = 3;
    static final int NODES = 3;

    @Test
    void shouldImportEveryArticleAndKeepAnsweringSearchesWhileANodeIsKilled() throws Exception {
        int files = Integer.getInteger("clipfile.cluster.reuters-files", DEFAULT_FILES);
        Path source = source(files);
        List<LocalElasticsearch> nodes = startCluster();
        try (ConfigurableApplicationContext server = startServer(nodes, source.getParent())) {
            Http http = new Http(((WebServerApplicationContext) server).getWebServer().getPort());
            awaitSearchable(http);
            AtomicLong searches = new AtomicLong();
            AtomicInteger failures = new AtomicInteger();
            AtomicReference<String> firstFailure = new AtomicReference<>();
            Thread searcher = Thread.ofVirtual().start(() -> searchUntilInterrupted(http, searches, failures,
                    firstFailure));

            String jobId = http.post("/api/imports", "application/json", "{\"path\": \"" + source
                    + "\", \"include\": \"" + include(source, files) + "\"}").json().get("id").asString();
            ImportJobs.awaitProcessed(http, jobId, 300, Duration.ofMinutes(5));
            LocalElasticsearch victim = nodeHoldingAPrimary(nodes);
            victim.processes().forEach(ProcessHandle::destroyForcibly);
            long searchesAtKill = searches.get();
            JsonNode job = ImportJobs.awaitCompleted(http, jobId, Duration.ofMinutes(15));
            long searchesAfterKill = searches.get() - searchesAtKill;
            searcher.interrupt();
            searcher.join();

            long expected = job.get("total_estimate").asLong();
            assertThat(job.get("failed").asLong()).as(job.toString()).isLessThanOrEqualTo(expected / 1000 + 1);
            assertThat(job.get("indexed").asLong() + job.get("failed").asLong()).as("every document accounted for")
                    .isEqualTo(job.get("processed").asLong());
            JsonNode all = http.get("/api/search?size=1").json();
            assertThat(all.get("total").asLong()).as("every indexed article searchable on the two survivors")
                    .isEqualTo(job.get("indexed").asLong() - job.get("replaced").asLong());
            assertThat(searchesAfterKill).as("searches went on after the kill").isGreaterThan(10);
            assertThat(failures.get()).as("failed searches of %s; first: %s", searches.get(), firstFailure.get())
                    .isZero();
            System.out.printf("Cluster failover: %d articles indexed (%d failed), %d searches, none failed; "
                    + "killed %s%n", job.get("indexed").asLong(), job.get("failed").asLong(), searches.get(),
                    victim.httpUri());
        } finally {
            nodes.forEach(LocalElasticsearch::close);
        }
    }

    private static Path source(int files) throws IOException {
        if (Files.isRegularFile(REUTERS.resolve("reut2-000.sgm"))) {
            return REUTERS.toAbsolutePath().normalize();
        }
        System.out.println("ClusterFailoverIntegrationTests: " + REUTERS + " is absent; importing " + files * 1000
                + " generated wire stories instead");
        Path dir = Files.createDirectories(Path.of("target/test-cluster-wire").toAbsolutePath());
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < files * 1000; i++) {
            lines.append("{\"title\": \"Wire story ").append(i).append("\", \"body\": \"Traders in Rotterdam said ")
                    .append("story ").append(i).append(" moved the markets.\"}\n");
        }
        Files.writeString(dir.resolve("wire.ndjson"), lines);
        return dir;
    }

    private static String include(Path source, int files) {
        if (!source.endsWith("reuters21578")) {
            return "*.ndjson";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            names.add(String.format("reut2-%03d.sgm", i));
        }
        return "{" + String.join(",", names) + "}";
    }

    private static List<LocalElasticsearch> startCluster() throws IOException {
        List<Integer> http = new ArrayList<>();
        List<Integer> transport = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            http.add(ImportJobs.freePort());
            transport.add(ImportJobs.freePort());
        }
        String seeds = transport.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        String masters = java.util.stream.IntStream.rangeClosed(1, NODES).mapToObj(i -> "node" + i)
                .collect(Collectors.joining(","));
        List<LocalElasticsearch> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            Path work = TestElasticsearch.freshWorkDir("cluster-node" + (i + 1));
            Map<String, String> cluster = new HashMap<>();
            cluster.put("cluster.name", "clipfile-test-cluster");
            cluster.put("node.name", "node" + (i + 1));
            cluster.put("discovery.type", "");
            cluster.put("discovery.seed_hosts", seeds);
            cluster.put("cluster.initial_master_nodes", masters);
            cluster.put("transport.port", Integer.toString(transport.get(i)));
            LocalElasticsearch node = new LocalElasticsearch(new LocalElasticsearch.Settings(
                    TestElasticsearch.distribution(), work, http.get(i), "384m", "nobody", Duration.ofMinutes(4),
                    ProcessHandle.current().pid()), cluster);
            node.start();
            nodes.add(node);
        }
        nodes.forEach(LocalElasticsearch::awaitReady);
        return nodes;
    }

    private static ConfigurableApplicationContext startServer(List<LocalElasticsearch> nodes, Path root) {
        String uris = nodes.stream().map(n -> n.httpUri().toString()).collect(Collectors.joining(","));
        return new SpringApplicationBuilder(ClipfileApplication.class).run(
                "--server.port=0",
                "--spring.elasticsearch.uris=" + uris,
                "--clipfile.index.alias=it-cluster",
                "--clipfile.samples.enabled=false",
                "--clipfile.imports.allowed-roots=" + root,
                "--clipfile.imports.spool-dir=target/test-cluster-spool");
    }

    /** The node to kill: one that holds a primary shard of the article index, so the failover is real. */
    private static LocalElasticsearch nodeHoldingAPrimary(List<LocalElasticsearch> nodes) throws IOException {
        var client = java.net.http.HttpClient.newHttpClient();
        try {
            String shards = client.send(java.net.http.HttpRequest.newBuilder(nodes.getFirst().httpUri()
                            .resolve("/_cat/shards/it-cluster*?h=prirep,node")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            for (String line : shards.lines().toList()) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[0].equals("p")) {
                    int n = Integer.parseInt(parts[1].substring("node".length()));
                    return nodes.get(n - 1);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return nodes.get(1);
    }

    private static void searchUntilInterrupted(Http http, AtomicLong searches, AtomicInteger failures,
            AtomicReference<String> firstFailure) {
        String[] queries = {"/api/search?q=oil", "/api/search?q=trade&sort=newest", "/api/search?q=bank%20rates",
                "/api/search?country=US"};
        int i = 0;
        while (!Thread.currentThread().isInterrupted()) {
            Http.Response response;
            try {
                response = http.get(queries[i++ % queries.length]);
            } catch (IllegalStateException interrupted) {
                return;
            }
            searches.incrementAndGet();
            if (response.status() != 200) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, response.status() + " " + response.body());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void awaitSearchable(Http http) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (http.get("/api/search?q=x").status() == 200 && http.get("/api/imports").status() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server never became ready on the cluster");
    }
}
