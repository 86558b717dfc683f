package org.clipfile.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Faults provoked on a real Elasticsearch that this test starts and stops itself: the server starts without it,
 * says why it is unhealthy and recovers when it appears; an import survives Elasticsearch restarting under it
 * with no document lost or duplicated.
 */
class ElasticsearchFaultIntegrationTests {
    static final int DOCUMENTS = 20_000;

    @Test
    void shouldStartWithoutElasticsearchRecoverWhenItAppearsAndFinishAnImportAcrossItsRestart() throws Exception {
        int port = ImportJobs.freePort();
        Path work = TestElasticsearch.freshWorkDir("faults");
        LocalElasticsearch.Settings settings = new LocalElasticsearch.Settings(TestElasticsearch.distribution(),
                work, port, "512m", "nobody", Duration.ofMinutes(3), ProcessHandle.current().pid());
        Path ndjson = Files.createDirectories(Path.of("target/test-faults")).resolve("wire.ndjson");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < DOCUMENTS; i++) {
            lines.append("{\"title\": \"Fault story ").append(i).append("\", \"body\": \"Body of story ")
                    .append(i).append(" about the quokkan plateau.\"}\n");
        }
        Files.writeString(ndjson, lines, StandardCharsets.UTF_8);

        try (ConfigurableApplicationContext server = start(port)) {
            Http http = new Http(((WebServerApplicationContext) server).getWebServer().getPort());

            // 1. No Elasticsearch: the server answers, unhealthy, and says why.
            Http.Response health = http.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
            assertThat(health.body()).contains("elasticsearch");
            // A key cannot even be checked (keys live in Elasticsearch): 503 too, not a 401 or a 500.
            assertThat(http.withApiKey("cf_" + "A".repeat(43)).get("/api/search?q=quokkan").status())
                    .isEqualTo(503);

            // 2. Elasticsearch appears: health turns up and the archive answers, without a restart.
            LocalElasticsearch node = new LocalElasticsearch(settings);
            try {
                node.start();
                node.awaitReady();
                awaitHealthy(http, Duration.ofMinutes(2));
                awaitSearchable(http, Duration.ofMinutes(1));

                // 3. Elasticsearch stops in the middle of an import and comes back: the import waits and finishes.
                String jobId = ImportJobs.start(http, "wire.ndjson", "application/x-ndjson", Files.readAllBytes(ndjson));
                ImportJobs.awaitProcessed(http, jobId, 1, Duration.ofMinutes(2));
                node.close();
                assertThat(http.get("/actuator/health").status()).isEqualTo(503);
                Thread.sleep(3_000);
                node = new LocalElasticsearch(settings);
                node.start();
                node.awaitReady();

                JsonNode job = ImportJobs.awaitCompleted(http, jobId, Duration.ofMinutes(5));
                assertThat(job.get("indexed").asLong()).isEqualTo(DOCUMENTS);
                assertThat(job.get("failed").asLong()).isZero();
                JsonNode all = http.get("/api/search?q=quokkan&size=1").json();
                assertThat(all.get("total").asLong()).as("every document once").isEqualTo(DOCUMENTS);
            } finally {
                node.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(int elasticsearchPort) {
        return new SpringApplicationBuilder(ClipfileApplication.class).run(
                "--server.port=0",
                "--spring.elasticsearch.uris=http://127.0.0.1:" + elasticsearchPort,
                "--clipfile.index.alias=it-faults",
                "--clipfile.samples.enabled=false",
                "--clipfile.imports.spool-dir=target/test-faults-spool",
                "--clipfile.imports.bulk-operations=200");
    }

    private static void awaitHealthy(Http http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (http.get("/actuator/health").status() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("never healthy: " + http.get("/actuator/health").body());
    }

    private static void awaitSearchable(Http http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Http.Response response = null;
        while (System.nanoTime() < deadline) {
            response = http.get("/api/search?q=quokkan");
            if (response.status() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("search never answered: " + response);
    }
}
